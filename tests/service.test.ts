import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkedData, MAX_BRIEFS } from '../lib/messages';
import { Refused } from '../lib/refused';
import { DATABASE_NAME } from '../lib/store/db';
import { GlossService } from '../lib/service';
import { Knowledge } from '../lib/store/knowledge';
import { parseViewerHash, viewerHash } from '../lib/citation';
import { buildSearchRecords } from '../lib/search/records';
import { realBundle, realPack } from './helpers';

afterEach(() => Dexie.delete(DATABASE_NAME));

describe('background service', () => {
  it('answers a look-up from the seeded store', async () => {
    const service = await GlossService.start(await realPack());
    expect(service.status).toMatchObject({ mode: 'database', seed: 'seeded' });
    expect((await service.card('xi-jinping'))?.name).toBe('Xi Jinping');
  });

  it('looks up selections: exact aliases, then fuzzy, else none', async () => {
    const service = await GlossService.start(await realPack());
    expect((await service.lookUpText('Đổi Mới'))?.id).toBe('doi-moi');
    expect((await service.lookUpText('  Nguyen Phu Trng '))?.id).toBe('nguyen-phu-trong');
    expect((await service.lookUpText('Belt and'))?.id).toBe('belt-and-road');
    expect(await service.lookUpText('zzqx unrelated words')).toBeNull();
  });

  it('reads the page tables again after a read that failed, instead of failing every frame after it', async () => {
    const service = await GlossService.start(await realPack());
    const read = vi.spyOn(Knowledge.prototype, 'matcherData').mockRejectedValueOnce(new Error('the store was busy'));
    await expect(service.pageSieve()).rejects.toThrow('the store was busy');
    expect((await service.pageMatcher()).matcher.aliases.length).toBeGreaterThan(0);
    expect(await service.pageSieve()).not.toBeNull();
    expect(read).toHaveBeenCalledTimes(2);
    read.mockRestore();
  });

  it('answers an unknown entry with null', async () => {
    const service = await GlossService.start(await realPack());
    expect(await service.card('no-such-entry')).toBeNull();
    expect(await service.lookUpText('zzqx')).toBeNull();
  });
});

describe('messages, checked where they arrive', () => {
  const refused = (type: Parameters<typeof checkedData>[0], data: unknown) => () => checkedData(type, data);

  it('refuse data that does not meet the message’s schema, naming the message', () => {
    for (const bad of [undefined, null, 42, {}, '<img src=x onerror=alert(1)>', 'a'.repeat(500), 'Xi-Jinping']) {
      expect(refused('card', bad)).toThrow(Refused);
    }
    expect(refused('card', 42)).toThrow(/message refused: data \(card: /);
    expect(refused('lookUpText', { text: 'Xi' })).toThrow(Refused);
    expect(refused('lookUpText', 'x'.repeat(1000))).toThrow(Refused);
    expect(refused('lookUpText', '   ')).toThrow(Refused);
    expect(refused('briefs', 'rcep')).toThrow(Refused);
    expect(refused('briefs', ['rcep', 42])).toThrow(Refused);
    expect(
      refused(
        'briefs',
        Array.from({ length: MAX_BRIEFS + 1 }, () => 'rcep'),
      ),
    ).toThrow(Refused);
    expect(refused('revealTerm', { entryId: 'rcep', index: 1.5 })).toThrow(Refused);
    expect(refused('revealTerm', { entryId: 'rcep', index: -1 })).toThrow(Refused);
    expect(refused('pageMatcher', { sneaky: true })).toThrow(Refused);
    expect(refused('settingsChanged', { userData: 'yes' })).toThrow(Refused);
    expect(refused('stepTerm', { direction: 'up' })).toThrow(Refused);
    expect(refused('stepTerm', { direction: 'next', tabId: 'mine' })).toThrow(Refused);
  });

  it('hand the handler data in the form it expects: trimmed, re-read, defaults for junk fields', () => {
    expect(checkedData('lookUpText', '  Nguyen   Phu Trong \n')).toBe('Nguyen Phu Trong');
    expect(checkedData('card', 'mekong-notes--lancang-mekong-cooperation')).toBe(
      'mekong-notes--lancang-mekong-cooperation',
    );
    expect(checkedData('pageMatcher', undefined)).toBeUndefined();
    const change = checkedData('settingsChanged', {
      preferences: { hoverDelayMs: 'soon', markStyle: 'tint' },
      disabledSites: 'example.com',
    });
    expect(change.preferences).toMatchObject({ hoverDelayMs: 150, markStyle: 'tint' });
    expect(change.disabledSites).toEqual([]);
  });

  it('re-read a source viewer target through the parser of its address', () => {
    expect(checkedData('openViewer', { docId: 'xinhua-community', paragraph: 3, quote: 'Xi said' })).toEqual({
      docId: 'xinhua-community',
      paragraph: 3,
      quote: 'Xi said',
    });
    expect(refused('openViewer', { docId: '../../etc', paragraph: 3 })).toThrow(Refused);
    expect(refused('openViewer', 'xinhua-community')).toThrow(Refused);
    expect(parseViewerHash(viewerHash({ docId: 'a-b', paragraph: 2, quote: 'x & y #z' }))).toEqual({
      docId: 'a-b',
      paragraph: 2,
      quote: 'x & y #z',
    });
    expect(parseViewerHash('#doc=a&p=-1')).toEqual({ docId: 'a' });
  });
});

describe('popup queries', () => {
  it('puts the right entry first for misspelled and accented queries', async () => {
    const service = await GlossService.start(await realPack());
    const first = async (q: string) => (await service.search(q))[0];
    expect(await first('doi moy')).toMatchObject({ type: 'entry', id: 'doi-moi' });
    expect(await first('Tô Lâm')).toMatchObject({ type: 'entry', id: 'to-lam' });
    expect(await first('nguyen phu trng')).toMatchObject({ type: 'entry', id: 'nguyen-phu-trong' });
    expect(await first('belt road')).toMatchObject({ type: 'entry', id: 'belt-and-road' });
    expect(await first('global civilisation initiative')).toMatchObject({
      type: 'entry',
      id: 'global-civilization-initiative',
    });
    expect(await first('xi')).toMatchObject({ type: 'entry', id: 'xi-jinping' });
  });

  it('puts first the entry a query names, in any spelling, with other words beside it', async () => {
    const service = await GlossService.start(await realPack());
    const first = async (q: string) => (await service.search(q))[0];
    // Run together, accented or not, before or after other words: the named entry beats a passage
    // holding the words and an entry whose name merely starts with them.
    expect(await first('xijinping speech')).toMatchObject({ type: 'entry', id: 'xi-jinping' });
    expect(await first('xi jinping speech')).toMatchObject({ type: 'entry', id: 'xi-jinping' });
    expect(await first('doimoi reform')).toMatchObject({ type: 'entry', id: 'doi-moi' });
    expect(await first('Đổi Mới policy')).toMatchObject({ type: 'entry', id: 'doi-moi' });
    expect(await first('nguyenphutrong visit')).toMatchObject({ type: 'entry', id: 'nguyen-phu-trong' });
    expect(await first('belt and road cooperation')).toMatchObject({ type: 'entry', id: 'belt-and-road' });
    expect(await first('the south china sea dispute')).toMatchObject({ type: 'entry', id: 'south-china-sea' });
    // The longer name wins where one name holds another.
    expect(
      (await service.search('xi jinping thought today')).slice(0, 2).map((r) => r.type === 'entry' && r.id),
    ).toEqual(['xi-jinping-thought', 'xi-jinping']);
  });

  it('lists entries before passages, with the query’s words marked in the snippets', async () => {
    const service = await GlossService.start(await realPack());
    const results = await service.search('belt road');
    const firstPassage = results.findIndex((r) => r.type === 'passage');
    expect(firstPassage).toBeGreaterThan(0);
    expect(results.slice(firstPassage).every((r) => r.type === 'passage')).toBe(true);
    const passage = results[firstPassage];
    if (passage.type !== 'passage') throw new Error('a passage');
    const marked = passage.snippet.marks.map(([a, b]) => passage.snippet.text.slice(a, b).toLowerCase());
    expect(marked).toEqual(expect.arrayContaining(['belt', 'road']));
    expect(await service.search('')).toEqual([]);
    expect(await service.search('zzqx')).toEqual([]);
  });

  it('opens an entry with its facts and its mentions grouped by document', async () => {
    const service = await GlossService.start(await realPack());
    const detail = (await service.entryDetail('nguyen-phu-trong'))!;
    expect(detail.card.facts.length).toBeGreaterThanOrEqual(3);
    expect(detail.mentionsByDocument.length).toBe(detail.card.mentionedIn);
    const total = detail.mentionsByDocument.reduce((n, g) => n + g.mentions.length, 0);
    expect(total).toBe((await realBundle()).mentions.filter((m) => m.entryId === 'nguyen-phu-trong').length);
    expect(await service.entryDetail('nope')).toBeNull();
  });

  it('describes entries for the page summary, ignoring unknown ids', async () => {
    const service = await GlossService.start(await realPack());
    expect(await service.briefs(['rcep', 'nope'])).toEqual([
      expect.objectContaining({ id: 'rcep', name: 'Regional Comprehensive Economic Partnership', kind: 'agreement' }),
    ]);
  });
});

describe('search in a large store', () => {
  it('finds the same first entry with and without first-letter shards, and recovers a first-letter typo', async () => {
    const { Searcher, SHARD_ABOVE } = await import('../lib/search/search');
    const bundle = await realBundle();
    const filler = Array.from({ length: SHARD_ABOVE + 500 }, (_, i) => ({
      type: 'entry' as const,
      ref: `filler-${i}`,
      name: `zq${i} wx${i}`,
      aliases: [`zq${i} wx${i}`],
      text: '',
    }));
    const records = buildSearchRecords(bundle.entries, bundle.paragraphs);
    const small = new Searcher(records);
    const large = new Searcher([...records, ...filler]);
    for (const q of ['doi moy', 'Tô Lâm', 'nguyen phu trng', 'belt road', 'global civilisation initiative', 'xi']) {
      expect(large.search(q)[0].record.ref).toBe(small.search(q)[0].record.ref);
    }
    expect(large.search('boi moi')[0].record.ref).toBe('doi-moi');
  });
});
