import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { KnowledgeBundle } from '../lib/corpus/types';
import { DATABASE_NAME, GlossDatabase, SCHEMA_VERSIONS } from '../lib/store/db';
import { databaseRows, Knowledge } from '../lib/store/knowledge';
import { openStore } from '../lib/store/open';
import { BUNDLE_HASH_KEY, seedFromBundle } from '../lib/store/seed';
import { realBundle } from './helpers';

afterEach(async () => {
  await Dexie.delete(DATABASE_NAME);
});

/** The same bundle with one entry's label changed: a new corpus release. */
function nextRelease(bundle: KnowledgeBundle): KnowledgeBundle {
  const entries = bundle.entries.map((e) => (e.id === 'hanoi' ? { ...e, name: 'Hanoi (Hà Nội)' } : e));
  return { ...bundle, entries, hash: `${bundle.hash.slice(0, 60)}beef` };
}

describe('store', () => {
  it('seeds from the bundle once; the same bundle again changes nothing', async () => {
    const bundle = await realBundle();
    const db = new GlossDatabase();
    const first = await seedFromBundle(db, bundle);
    expect(first.status).toBe('seeded');
    expect(await db.entries.count()).toBe(bundle.entries.length);
    expect(await db.mentions.count()).toBe(bundle.mentions.length);
    expect((await db.meta.get(BUNDLE_HASH_KEY))?.value).toBe(bundle.hash);
    expect((await seedFromBundle(db, bundle)).status).toBe('unchanged');
    expect(await db.entries.count()).toBe(bundle.entries.length);
    db.close();
  });

  it('re-seeds on a new hash and keeps the reader’s rows', async () => {
    const bundle = await realBundle();
    const db = new GlossDatabase();
    await seedFromBundle(db, bundle);
    await db.userDocuments.add({ id: 'my-notes', file: 'notes.txt', title: 'My notes', outlet: null, authors: [], date: null, dateISO: null, user: true });
    await db.userParagraphPages.add({ docId: 'my-notes', page: 0, paragraphs: [{ docId: 'my-notes', n: 1, text: 'To Lam visited Beijing.', sentences: [[0, 23]] }] });
    await db.settings.put({ key: 'hoverDelay', value: 250 });
    const result = await seedFromBundle(db, nextRelease(bundle));
    expect(result).toMatchObject({ status: 'seeded', previousHash: bundle.hash });
    expect((await db.entries.get('hanoi'))?.name).toBe('Hanoi (Hà Nội)');
    expect(await db.userDocuments.count()).toBe(1);
    expect(await db.userParagraphPages.count()).toBe(1);
    expect((await db.settings.get('hoverDelay'))?.value).toBe(250);
    db.close();
  });

  it('rolls back a seed that fails midway, leaving the previous corpus whole', async () => {
    const bundle = await realBundle();
    const db = new GlossDatabase();
    await seedFromBundle(db, bundle);
    const broken = nextRelease(bundle);
    // Two mentions with the same primary key make bulkAdd fail after the tables were cleared.
    broken.documents = [...broken.documents, broken.documents[0]];
    await expect(seedFromBundle(db, broken)).rejects.toThrow();
    expect(await db.entries.count()).toBe(bundle.entries.length);
    expect((await db.entries.get('hanoi'))?.name).toBe('Hanoi');
    expect((await db.meta.get(BUNDLE_HASH_KEY))?.value).toBe(bundle.hash);
    db.close();
  });

  it('upgrades a version 1 database with data in it', async () => {
    const bundle = await realBundle();
    const v1 = new Dexie(DATABASE_NAME);
    v1.version(1).stores(SCHEMA_VERSIONS[0].stores);
    await v1.table('entries').bulkAdd(bundle.entries);
    await v1.table('meta').put({ key: BUNDLE_HASH_KEY, value: bundle.hash });
    v1.close();

    const db = new GlossDatabase();
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    expect(await db.entries.count()).toBe(bundle.entries.length);
    expect(await db.userDocuments.count()).toBe(0);
    db.close();
  });

  it('answers look-ups: entry card, entries by alias, passages, mentions, matcher data', async () => {
    const bundle = await realBundle();
    const db = new GlossDatabase();
    await seedFromBundle(db, bundle);
    const k = new Knowledge(databaseRows(db), 'database');
    const card = await k.card('doi-moi');
    expect(card?.name).toBe('Doi Moi');
    expect(card?.facts[0].source.outlet).toBeTruthy();
    expect(card?.documentCount).toBe(6);
    expect(card?.mentionedIn).toBe(2);
    expect(card?.related.map((r) => r.id)).toContain('reform-and-opening-up');
    expect((await k.entriesByAlias('đổi-mới')).map((e) => e.id)).toEqual(['doi-moi']);
    expect((await k.paragraphsOf('xinhua-community'))[0].n).toBe(1);
    expect((await k.mentionsOf('rcep')).length).toBeGreaterThan(0);
    const data = await k.matcherData();
    expect(data.hash).toBe(bundle.hash);
    expect(data.aliases).toEqual(bundle.aliases);
    expect(await k.card('no-such-entry')).toBeNull();
    expect(await k.timeline()).toEqual(bundle.timeline);
    const inDoc = await k.mentionsIn('xinhua-community');
    expect(inDoc).toHaveLength(bundle.mentions.filter((m) => m.docId === 'xinhua-community').length);
    expect(inDoc[0].paragraph).toBe(1);
    db.close();
  });

  it('falls back to the bundle in memory when IndexedDB is unavailable, and says why', async () => {
    const bundle = await realBundle();
    // No IndexedDB implementation: what Firefox with history disabled gives an extension.
    const store = await openStore(bundle, { indexedDB: null as never, IDBKeyRange: null as never });
    expect(store.status.mode).toBe('memory');
    expect(store.status.problem).toMatch(/IndexedDB/);
    expect((await store.knowledge.card('to-lam'))?.name).toBe('To Lam');
    expect((await store.knowledge.matcherData()).aliases.length).toBe(bundle.aliases.length);
  });

  it('falls back to memory with a plain message when the disk is full or the database fails', async () => {
    const bundle = await realBundle();
    const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    const failing = (error: Error) => {
      // An IndexedDB whose every request to open a database fails with `error`.
      const factory = {
        open() {
          const request = { error, result: undefined, onerror: null as ((e: unknown) => void) | null, onsuccess: null, onupgradeneeded: null, onblocked: null };
          setTimeout(() => request.onerror?.({ target: request, preventDefault() {}, stopPropagation() {} }));
          return request;
        },
        deleteDatabase() {},
        cmp: indexedDB.cmp.bind(indexedDB),
      };
      return { indexedDB: factory as never, IDBKeyRange };
    };
    const full = await openStore(bundle, failing(quota));
    expect(full.status).toMatchObject({ mode: 'memory', problem: expect.stringMatching(/no storage space left/) });
    expect((await full.knowledge.card('rcep'))?.name).toBe('Regional Comprehensive Economic Partnership');
    const broken = await openStore(bundle, failing(Object.assign(new Error('Internal error opening backing store'), { name: 'UnknownError' })));
    expect(broken.status.problem).toMatch(/could not open its database \(UnknownError: .*Internal error opening backing store/);
    expect(broken.status.mode).toBe('memory');
  });
});

describe('a card’s facts', () => {
  it('put last a fact that quotes the sentence the label comes from, so the card does not say the label twice', async () => {
    const bundle = await realBundle();
    const { knowledge } = await openStore(bundle);
    const card = (await knowledge.card('nguyen-phu-trong'))!;
    const entry = bundle.entries.find((e) => e.id === 'nguyen-phu-trong')!;
    const repeatsLabel = (f: { docId: string; paragraph: number; quote: string }) => f.docId === card.label!.docId && f.paragraph === card.label!.paragraph && f.quote.includes(card.label!.quote);
    expect(entry.facts.findIndex(repeatsLabel)).toBe(0); // the glossary's first fact holds the label's sentence
    expect(card.facts.map((f) => f.quote).sort()).toEqual(entry.facts.map((f) => f.quote).sort()); // nothing is lost
    expect(card.facts.findIndex(repeatsLabel)).toBe(card.facts.length - 1);
    expect(card.facts.slice(0, -1).some(repeatsLabel)).toBe(false);
  });
});
