import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_NAME, GlossDatabase, SCHEMA_VERSIONS } from '../lib/store/db';
import { databaseRows, Knowledge } from '../lib/store/knowledge';
import { openStore } from '../lib/store/open';
import { seedBundledPack } from '../lib/store/seed';
import { realBundle, realPack, repack } from './helpers';

afterEach(async () => {
  await Dexie.delete(DATABASE_NAME);
});

/** The bundled pack with one entry's name changed: a new release of it. */
async function nextRelease() {
  return repack(
    await realPack(),
    (c) => ({ ...c, entries: c.entries.map((e) => (e.id === 'hanoi' ? { ...e, name: 'Hanoi (Hà Nội)' } : e)) }),
    { version: '1.0.1' },
  );
}

describe('store', () => {
  it('installs the bundled pack once; the same pack again changes nothing', async () => {
    const pack = await realPack();
    const db = new GlossDatabase();
    expect((await seedBundledPack(db, pack)).status).toBe('seeded');
    expect(await db.packEntries.count()).toBe(pack.compiled.entries.length);
    expect((await db.packMentionPages.toArray()).flatMap((p) => p.mentions)).toHaveLength(
      pack.compiled.mentions.length,
    );
    expect(await db.packs.get(pack.manifest.id)).toMatchObject({
      hash: pack.hash,
      bundled: true,
      enabled: true,
      order: 0,
      documents: 6,
    });
    expect((await seedBundledPack(db, pack)).status).toBe('unchanged');
    expect(await db.packEntries.count()).toBe(pack.compiled.entries.length);
    db.close();
  });

  it('a new release of the bundled pack replaces it whole and keeps the reader’s rows', async () => {
    const pack = await realPack();
    const db = new GlossDatabase();
    await seedBundledPack(db, pack);
    await db.userDocuments.add({
      id: 'user-my-notes-000001',
      file: 'notes.txt',
      title: 'My notes',
      outlet: null,
      authors: [],
      date: null,
      dateISO: null,
      user: true,
    });
    await db.userParagraphPages.add({
      docId: 'user-my-notes-000001',
      page: 0,
      paragraphs: [{ docId: 'user-my-notes-000001', n: 1, text: 'To Lam visited Beijing.', sentences: [[0, 23]] }],
    });
    await db.settings.put({ key: 'hoverDelay', value: 250 });
    const result = await seedBundledPack(db, await nextRelease());
    expect(result).toMatchObject({ status: 'seeded', previousHash: pack.hash });
    expect((await db.packEntries.get('hanoi'))?.name).toBe('Hanoi (Hà Nội)');
    expect(await db.packEntries.count()).toBe(pack.compiled.entries.length);
    expect(await db.userDocuments.count()).toBe(1);
    expect(await db.userParagraphPages.count()).toBe(1);
    expect((await db.settings.get('hoverDelay'))?.value).toBe(250);
    // The reader's document is read again with the new release: To Lam is found in it.
    expect(
      (await new Knowledge(databaseRows(db), 'database').mentionsIn('user-my-notes-000001')).map((m) => m.entryId),
    ).toContain('to-lam');
    db.close();
  });

  it('rolls back an install that fails midway, leaving the previous pack whole', async () => {
    const pack = await realPack();
    const db = new GlossDatabase();
    await seedBundledPack(db, pack);
    // Two documents with the same id make the write fail after the old rows were removed.
    const broken = await repack(await nextRelease(), (c) => c);
    const { preparePack, storePack } = await import('../lib/packs/store');
    const prepared = preparePack(broken, true);
    prepared.documents.push(prepared.documents[0]);
    await expect(storePack(db, prepared)).rejects.toThrow();
    expect(await db.packEntries.count()).toBe(pack.compiled.entries.length);
    expect((await db.packEntries.get('hanoi'))?.name).toBe('Hanoi');
    expect((await db.packs.get(pack.manifest.id))?.hash).toBe(pack.hash);
    db.close();
  });

  it('upgrades a version 4 store: the one corpus’s tables go, the reader’s data stays, the bundled pack is installed', async () => {
    const bundle = await realBundle();
    const v4 = new Dexie(DATABASE_NAME);
    for (const { version, stores } of SCHEMA_VERSIONS.filter((v) => v.version <= 4)) v4.version(version).stores(stores);
    await v4.table('entries').bulkAdd(bundle.entries);
    await v4.table('meta').bulkPut([
      { key: 'bundleHash', value: bundle.hash },
      { key: 'timeline', value: bundle.timeline },
      { key: 'userEntriesRevision', value: 3 },
    ]);
    await v4.table('userDocuments').add({
      id: 'user-notes-000001',
      file: '',
      title: 'Notes',
      outlet: null,
      authors: [],
      date: null,
      dateISO: null,
      user: true,
    });
    await v4.table('userParagraphPages').add({
      docId: 'user-notes-000001',
      page: 0,
      paragraphs: [
        {
          docId: 'user-notes-000001',
          n: 1,
          text: 'The Regional Comprehensive Economic Partnership came up.',
          sentences: [[0, 57]],
        },
      ],
    });
    v4.close();

    const db = new GlossDatabase();
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    expect(db.tables.map((t) => t.name)).not.toContain('entries');
    expect(await db.meta.toCollection().primaryKeys()).toEqual(['userEntriesRevision']);
    expect(await db.userDocuments.count()).toBe(1);
    db.close();
    const opened = await openStore(await realPack());
    expect(opened.status).toMatchObject({ mode: 'database', seed: 'seeded' });
    expect((await opened.knowledge.mentionsIn('user-notes-000001')).map((m) => m.entryId)).toEqual(['rcep']);
    opened.db!.close();
  });

  it('answers look-ups: entry card, entries by alias, passages, mentions, matcher data', async () => {
    const pack = await realPack();
    const bundle = await realBundle();
    const db = new GlossDatabase();
    await seedBundledPack(db, pack);
    const k = new Knowledge(databaseRows(db), 'database');
    const card = await k.card('doi-moi');
    expect(card?.name).toBe('Doi Moi');
    expect(card?.facts[0].source).toMatchObject({
      outlet: expect.any(String),
      pack: { id: 'china-vietnam', title: 'China–Vietnam relations' },
    });
    expect(card?.documentCount).toBe(6);
    expect(card?.mentionedIn).toBe(2);
    expect(card?.related.map((r) => r.id)).toContain('reform-and-opening-up');
    expect((await k.entriesByAlias('đổi-mới')).map((e) => e.id)).toEqual(['doi-moi']);
    expect((await k.paragraphsOf('xinhua-community'))[0].n).toBe(1);
    expect((await k.mentionsOf('rcep')).length).toBeGreaterThan(0);
    const data = await k.matcherData();
    expect(data.hash).toBe(`china-vietnam@${pack.hash}`);
    expect(data.aliases).toEqual(bundle.aliases);
    expect(await k.card('no-such-entry')).toBeNull();
    expect(await k.timeline()).toEqual(bundle.timeline);
    const inDoc = await k.mentionsIn('xinhua-community');
    expect(inDoc).toHaveLength(bundle.mentions.filter((m) => m.docId === 'xinhua-community').length);
    expect(inDoc[0].paragraph).toBe(1);
    db.close();
  });

  it('falls back to the bundled pack in memory when IndexedDB is unavailable, and says why', async () => {
    const pack = await realPack();
    // No IndexedDB implementation: what Firefox with history disabled gives an extension.
    const store = await openStore(pack, { indexedDB: null as never, IDBKeyRange: null as never });
    expect(store.status.mode).toBe('memory');
    expect(store.status.problem).toMatch(/IndexedDB/);
    expect((await store.knowledge.card('to-lam'))?.name).toBe('To Lam');
    expect((await store.knowledge.matcherData()).aliases.length).toBe(pack.compiled.aliases.length);
  });

  it('falls back to memory with a plain message when the disk is full or the database fails', async () => {
    const pack = await realPack();
    const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    const failing = (error: Error) => {
      // An IndexedDB whose every request to open a database fails with `error`.
      const factory = {
        open() {
          const request = {
            error,
            result: undefined,
            onerror: null as ((e: unknown) => void) | null,
            onsuccess: null,
            onupgradeneeded: null,
            onblocked: null,
          };
          setTimeout(() => request.onerror?.({ target: request, preventDefault() {}, stopPropagation() {} }));
          return request;
        },
        deleteDatabase() {},
        cmp: indexedDB.cmp.bind(indexedDB),
      };
      return { indexedDB: factory as never, IDBKeyRange };
    };
    const full = await openStore(pack, failing(quota));
    expect(full.status).toMatchObject({ mode: 'memory', problem: expect.stringMatching(/no storage space left/) });
    expect((await full.knowledge.card('rcep'))?.name).toBe('Regional Comprehensive Economic Partnership');
    const broken = await openStore(
      pack,
      failing(Object.assign(new Error('Internal error opening backing store'), { name: 'UnknownError' })),
    );
    expect(broken.status.problem).toMatch(
      /could not open its database \(UnknownError: .*Internal error opening backing store/,
    );
    expect(broken.status.mode).toBe('memory');
  });
});

describe('a card’s facts', () => {
  it('put last a fact that quotes the sentence the label comes from, so the card does not say the label twice', async () => {
    const bundle = await realBundle();
    const { knowledge } = await openStore(await realPack());
    const card = (await knowledge.card('nguyen-phu-trong'))!;
    const entry = bundle.entries.find((e) => e.id === 'nguyen-phu-trong')!;
    const repeatsLabel = (f: { docId: string; paragraph: number; quote: string }) =>
      f.docId === card.label!.docId && f.paragraph === card.label!.paragraph && f.quote.includes(card.label!.quote);
    expect(entry.facts.findIndex(repeatsLabel)).toBe(0); // the glossary's first fact holds the label's sentence
    expect(card.facts.map((f) => f.quote).sort()).toEqual(entry.facts.map((f) => f.quote).sort()); // nothing is lost
    expect(card.facts.findIndex(repeatsLabel)).toBe(card.facts.length - 1);
    expect(card.facts.slice(0, -1).some(repeatsLabel)).toBe(false);
  });
});
