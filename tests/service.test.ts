import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanReaderTarget } from '../lib/messages';
import { DATABASE_NAME } from '../lib/store/db';
import { GlossService } from '../lib/service';
import { parseReaderHash, readerHash } from '../lib/citation';
import { realBundle } from './helpers';

afterEach(() => Dexie.delete(DATABASE_NAME));

describe('background service', () => {
  it('answers a look-up from the seeded store', async () => {
    const service = await GlossService.start(await realBundle());
    expect(service.status).toMatchObject({ mode: 'database', seed: 'seeded' });
    expect((await service.card('xi-jinping'))?.name).toBe('Xi Jinping');
  });

  it('looks up selections: exact aliases, then fuzzy, else none', async () => {
    const service = await GlossService.start(await realBundle());
    expect((await service.lookUpText('Đổi Mới'))?.id).toBe('doi-moi');
    expect((await service.lookUpText('  Nguyen Phu Trng '))?.id).toBe('nguyen-phu-trong');
    expect((await service.lookUpText('Belt and'))?.id).toBe('belt-and-road');
    expect(await service.lookUpText('zzqx unrelated words')).toBeNull();
  });

  it('answers malformed messages with null, never a throw', async () => {
    const service = await GlossService.start(await realBundle());
    for (const bad of [undefined, null, 42, {}, '<img src=x onerror=alert(1)>', 'a'.repeat(500)]) {
      expect(await service.card(bad)).toBeNull();
    }
    expect(await service.lookUpText({ text: 'Xi' })).toBeNull();
    expect(await service.lookUpText('x'.repeat(1000))).toBeNull();
  });

  it('checks reader targets coming from other contexts', () => {
    expect(cleanReaderTarget({ docId: 'xinhua-community', paragraph: 3, quote: 'Xi said' })).toEqual({ docId: 'xinhua-community', paragraph: 3, quote: 'Xi said' });
    expect(cleanReaderTarget({ docId: '../../etc', paragraph: 3 })).toBeNull();
    expect(cleanReaderTarget('xinhua-community')).toBeNull();
    expect(parseReaderHash(readerHash({ docId: 'a-b', paragraph: 2, quote: 'x & y #z' }))).toEqual({ docId: 'a-b', paragraph: 2, quote: 'x & y #z' });
    expect(parseReaderHash('#doc=a&p=-1')).toEqual({ docId: 'a' });
  });
});
