// @vitest-environment jsdom
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES } from '../lib/settings';
import { DATABASE_NAME, GlossDatabase, SCHEMA_VERSIONS, type ParagraphPageRow } from '../lib/store/db';
import { allParagraphs, readMentions, readParagraphs } from '../lib/store/pages';
import { databaseRows, Knowledge } from '../lib/store/knowledge';
import { openStore } from '../lib/store/open';
import { seedBundledPack } from '../lib/store/seed';
import { exportBackup, mergeBackup, parseBackup } from '../lib/user/backup';
import { rebuildDerivedUserData } from '../lib/user/derived';
import { addUserEntry, deleteUserEntry } from '../lib/user/entries';
import { importDocument, realPack, repack } from './helpers';
import { refusedAs } from '../lib/refused';

afterEach(async () => {
  await Dexie.delete(DATABASE_NAME);
});

const settings = { preferences: { ...DEFAULT_PREFERENCES, hoverDelayMs: 400 }, disabledSites: ['example.org'] };

async function storeWithUserData() {
  const pack = await realPack();
  const db = new GlossDatabase();
  await seedBundledPack(db, pack);
  const doc = await importDocument(
    db,
    'Port notes\nThe Lach Huyen port handles more ships each year. Lach Huyen is near Haiphong.',
    {
      fileName: 'port.txt',
      title: 'Port notes',
      outlet: 'Field diary',
      date: '2026-10-01',
    },
  );
  const entry = await addUserEntry(db, {
    name: 'Lach Huyen',
    aliases: ['Lạch Huyện', 'LH port'],
    kind: 'place',
    label: { docId: doc.id, paragraph: 2, start: 0, end: 49 },
  });
  return { pack, db, doc, entry };
}
const counts = async (db: GlossDatabase) => [
  await db.userDocuments.count(),
  (await allParagraphs(db)).length,
  await db.userEntries.count(),
  (await db.userMentionPages.toArray()).flatMap((p) => p.mentions).length,
];

describe('the reader’s entries', () => {
  it('are spotted like built-in ones, labelled by a sentence of a document, and deleted with their mentions', async () => {
    const { db, doc, entry } = await storeWithUserData();
    // "Lạch Huyện" folds to the name's own key: the matcher finds it through the name already.
    expect(entry).toMatchObject({
      name: 'Lach Huyen',
      aliases: ['Lach Huyen', 'LH port'],
      label: { docId: doc.id, paragraph: 2, quote: 'The Lach Huyen port handles more ships each year.' },
    });
    const knowledge = new Knowledge(databaseRows(db), 'database');
    const data = await knowledge.matcherData();
    expect(data.aliases).toContainEqual({ entryId: entry.id, text: 'LH port', caseRule: 'name' });
    expect((await knowledge.mentionsOf(entry.id)).map((m) => m.text)).toEqual(['Lach Huyen', 'Lach Huyen']);
    expect((await knowledge.card(entry.id))?.label?.quote).toBe('The Lach Huyen port handles more ships each year.');
    await deleteUserEntry(db, entry.id);
    expect(await knowledge.mentionsOf(entry.id)).toEqual([]);
    db.close();
  });

  it('refuses a name already taken, a missing name and a label outside its paragraph', async () => {
    const { db, doc } = await storeWithUserData();
    const label = { docId: doc.id, paragraph: 2, start: 0, end: 10 };
    const problem = (p: Promise<unknown>) =>
      p.then(
        () => 'accepted',
        (e) => (refusedAs(e, 'entry') ? e.refusal.problem : String(e)),
      );
    expect(await problem(addUserEntry(db, { name: 'To Lam', aliases: [], kind: 'person', label }))).toBe('nameTaken');
    expect(await problem(addUserEntry(db, { name: ' ', aliases: [], kind: 'person', label }))).toBe('noName');
    expect(
      await problem(
        addUserEntry(db, { name: 'Haiphong port', aliases: [], kind: 'place', label: { ...label, end: 9999 } }),
      ),
    ).toBe('badLabel');
    expect(
      await problem(addUserEntry(db, { name: 'Haiphong port', aliases: [], kind: 'planet' as never, label })),
    ).toBe('badKind');
    db.close();
  });
});

describe('backup', () => {
  it('export → clear → import restores documents, entries and mentions; importing again changes nothing', async () => {
    const { db } = await storeWithUserData();
    const before = await counts(db);
    const file = JSON.stringify(await exportBackup(db, settings));
    await db.transaction('rw', db.tables, async () =>
      Promise.all(db.tables.filter((table) => table.name.startsWith('user')).map((table) => table.clear())),
    );
    const backup = await parseBackup(file);
    expect(backup.settings).toEqual(settings);
    expect(await mergeBackup(db, backup)).toEqual({ documentsAdded: 1, entriesAdded: 1, unchanged: 0, conflicts: [] });
    expect(await counts(db)).toEqual(before);
    expect(await mergeBackup(db, backup)).toEqual({ documentsAdded: 0, entriesAdded: 0, unchanged: 2, conflicts: [] });
    expect(await counts(db)).toEqual(before);
    db.close();
  });

  it('reports a record that differs from the store’s as a conflict and keeps the store’s', async () => {
    const { db, doc } = await storeWithUserData();
    const backup = await parseBackup(JSON.stringify(await exportBackup(db, settings)));
    backup.documents[0] = { ...backup.documents[0], title: 'Port notes, edited' };
    expect((await mergeBackup(db, backup)).conflicts).toEqual(['Port notes, edited']);
    expect((await db.userDocuments.get(doc.id))?.title).toBe('Port notes');
    db.close();
  });

  it('refuses what is not a Gloss backup, or is malformed anywhere, before writing anything', async () => {
    const { db } = await storeWithUserData();
    const good = await exportBackup(db, settings);
    const problem = (text: string) =>
      parseBackup(text).then(
        () => 'accepted',
        (e) =>
          refusedAs(e, 'backup') ? `${e.refusal.problem}${e.refusal.detail ? ` ${e.refusal.detail}` : ''}` : String(e),
      );
    expect(await problem('not json {')).toBe('notJson');
    expect(await problem(JSON.stringify({ formatName: 'dexie', data: {} }))).toBe('notBackup');
    expect(await problem(JSON.stringify({ ...good, version: 2 }))).toBe('newerVersion');
    // A version that is not a number is damage, not a newer Gloss.
    expect(await problem(JSON.stringify({ ...good, version: '1' }))).toBe('malformed version');
    expect(await problem(JSON.stringify({ ...good, version: null }))).toBe('malformed version');
    expect(await problem(JSON.stringify({ ...good, version: 0.5 }))).toBe('malformed version');
    expect(
      await problem(JSON.stringify({ ...good, documents: [{ ...good.documents[0], id: 'xinhua-community' }] })),
    ).toBe('malformed documents[0].id');
    expect(
      await problem(JSON.stringify({ ...good, paragraphs: [{ ...good.paragraphs[0], docId: 'elsewhere' }] })),
    ).toBe('malformed paragraphs[0].docId');
    expect(await problem(JSON.stringify({ ...good, entries: [{ ...good.entries[0], kind: '<img onerror=x>' }] }))).toBe(
      'malformed entries[0].kind',
    );
    expect(await problem(JSON.stringify({ ...good, entries: [{ ...good.entries[0], aliases: [] }] }))).toBe(
      'malformed entries[0].aliases',
    );
    db.close();
  });

  it('the reader’s data survives a new release of the bundled pack installed over it', async () => {
    const { pack, db, entry } = await storeWithUserData();
    const before = await counts(db);
    db.close();
    const opened = await openStore(await repack(pack, (c) => c, { version: '1.0.1' }));
    expect(opened.status).toMatchObject({ seed: 'seeded', mode: 'database' });
    expect(await counts(opened.db!)).toEqual(before);
    expect((await opened.knowledge.card(entry.id))?.name).toBe('Lach Huyen');
    opened.db!.close();
  });

  it('a new release of the bundled pack that spells an entry anew finds it in the source viewer’s documents', async () => {
    const { pack, db, doc, entry } = await storeWithUserData();
    await deleteUserEntry(db, entry.id); // documents alone, no entries of the reader's
    db.close();
    const opened = await openStore(
      await repack(pack, (c) => ({
        ...c,
        aliases: [...c.aliases, { entryId: 'hanoi', text: 'Haiphong', caseRule: 'name' as const }],
      })),
    );
    expect(opened.status.seed).toBe('seeded');
    expect((await opened.knowledge.mentionsIn(doc.id)).filter((m) => m.entryId === 'hanoi').map((m) => m.text)).toEqual(
      ['Haiphong'],
    );
    opened.db!.close();
  });
});

/**
 * Reopens the database with a Dexie middleware that hands every page of paragraphs read, however it is read, to `note`.
 */
async function watchPageReads(db: GlossDatabase, note: (pages: ParagraphPageRow[]) => void): Promise<void> {
  const seen = (rows: unknown[]) =>
    note((rows as (ParagraphPageRow | undefined)[]).filter((r): r is ParagraphPageRow => !!r));
  db.close(); // a middleware comes into play when the database is opened
  db.use({
    stack: 'dbcore',
    name: 'pages read',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'userParagraphPages') return table;
        return {
          ...table,
          get: async (request) => table.get(request).then((row) => (seen([row]), row)),
          getMany: async (request) => table.getMany(request).then((rows) => (seen(rows), rows)),
          query: async (request) => table.query(request).then((result) => (seen(result.result), result)),
        };
      },
    }),
  });
  await db.open();
}

describe('mentions after an entry changes, by the word index', () => {
  /** Everything derived, in a stable order, to compare two ways of finding it. */
  const derived = async (db: GlossDatabase) => ({
    mentions: (await db.userMentionPages.toArray())
      .flatMap((page) => page.mentions)
      .map((m) => `${m.docId} ${m.paragraph} ${m.start}-${m.end} ${m.entryId}`)
      .sort(),
    documents: (await db.userEntryDocuments.toArray()).map((r) => `${r.entryId} ${r.docId} ${r.mentions}`).sort(),
  });
  const rebuilt = async (db: GlossDatabase) => {
    await db.transaction('rw', db.tables, () => rebuildDerivedUserData(db));
    return derived(db);
  };

  it('finds what a full rebuild finds, reading only the paragraphs that hold the spellings’ words', async () => {
    const { db, doc } = await storeWithUserData();
    const other = await importDocument(
      db,
      [
        'Meeting notes',
        'Nguyen Phu Trong met Xi Jinping in Hanoi.',
        'Trong said the Nguyen Phu Trong Foundation would fund Lach Huyen studies.',
        'Nothing to see here about shipping.',
        'The Haiphong Port Authority spoke of the RCEP.',
      ].join('\n'),
      { title: 'Meeting notes' },
    );
    // Every paragraph of the reader's documents read, however it is read: the pages they stand on
    // are all that is read.
    const read: string[] = [];
    await watchPageReads(db, (pages) =>
      read.push(
        ...pages.flatMap((page) => page.paragraphs).map((p) => `${p.docId === other.id ? 'meeting' : 'port'} ${p.n}`),
      ),
    );
    const label = { docId: other.id, paragraph: 3, start: 0, end: 10 };
    // A spelling that covers a bundled entry's firm mention: the document's context moves.
    const foundation = await addUserEntry(db, {
      name: 'Nguyen Phu Trong Foundation',
      aliases: [],
      kind: 'institution',
      label,
    });
    // The meeting notes hold its words (and its document's context moved); the port notes do not,
    // and are never read.
    expect(read.length > 0 && read.every((p) => p.startsWith('meeting'))).toBe(true);
    expect(await derived(db)).toEqual(await rebuilt(db));
    read.length = 0;
    const authority = await addUserEntry(db, {
      name: 'Haiphong Port Authority',
      aliases: ['HPA'],
      kind: 'institution',
      label,
    });
    expect(read.length > 0 && read.every((p) => p.startsWith('meeting'))).toBe(true);
    expect(await derived(db)).toEqual(await rebuilt(db));
    expect(
      (await new Knowledge(databaseRows(db), 'database').card(authority.id))?.inYourDocuments.map((c) => c.quote),
    ).toEqual(['Haiphong Port Authority']);
    for (const id of [foundation.id, authority.id]) {
      await deleteUserEntry(db, id);
      expect(await derived(db)).toEqual(await rebuilt(db));
    }
    expect((await derived(db)).mentions.some((m) => m.includes(doc.id))).toBe(true);
    db.close();
  });
});

describe('an entry change in a long document', () => {
  it('reads only the page of paragraphs its words stand on', async () => {
    const { db, doc } = await storeWithUserData();
    const lines = Array.from({ length: 500 }, (_, i) =>
      i + 1 === 450 ? 'The Mekong Institute met in Hanoi.' : `Line ${i + 1} about the RCEP.`,
    );
    const long = await importDocument(db, lines.join('\n'), { title: 'Long' });
    const pagesRead: string[] = [];
    await watchPageReads(db, (pages) =>
      pagesRead.push(...pages.map((r) => `${r.docId === long.id ? 'long' : 'other'} ${r.page}`)),
    );
    const entry = await addUserEntry(db, {
      name: 'Mekong Institute',
      aliases: [],
      kind: 'institution',
      label: { docId: doc.id, paragraph: 2, start: 0, end: 10 },
    });
    // The label's page in the port notes, then the one page of the long document that holds "Mekong".
    expect(pagesRead).toEqual(['other 0', 'long 4']);
    expect((await readMentions(db, long.id)).filter((m) => m.entryId === entry.id).map((m) => m.paragraph)).toEqual([
      450,
    ]);
    db.close();
  });
});

describe('schema upgrade', () => {
  it('a version 2 store with the reader’s documents opens at the newest version, and installing the bundled pack finds everything derived again', async () => {
    const old = new Dexie(DATABASE_NAME);
    for (const { version, stores } of SCHEMA_VERSIONS.filter((v) => v.version <= 2))
      old.version(version).stores(stores);
    await old.open();
    await old.table('userDocuments').add({
      id: 'user-notes-000001',
      file: '',
      title: 'Notes',
      outlet: null,
      authors: [],
      date: null,
      dateISO: null,
      user: true,
    });
    await old.table('userParagraphs').bulkAdd([
      { docId: 'user-notes-000001', n: 1, text: 'Notes', sentences: [[0, 5]] },
      {
        docId: 'user-notes-000001',
        n: 2,
        text: 'The Regional Comprehensive Economic Partnership came up twice.',
        sentences: [[0, 62]],
      },
    ]);
    await old
      .table('userMentions')
      .add({ entryId: 'stale', docId: 'user-notes-000001', paragraph: 2, start: 0, end: 3, text: 'The' });
    old.close();
    const db = new GlossDatabase();
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    expect(db.tables.map((t) => t.name)).not.toContain('userParagraphs');
    await seedBundledPack(db, await realPack());
    expect((await readParagraphs(db, 'user-notes-000001')).map((p) => p.text)).toEqual([
      'Notes',
      'The Regional Comprehensive Economic Partnership came up twice.',
    ]);
    const rcep = {
      entryId: 'rcep',
      docId: 'user-notes-000001',
      paragraph: 2,
      start: 4,
      end: 47,
      text: 'Regional Comprehensive Economic Partnership',
    };
    expect(await readMentions(db, 'user-notes-000001')).toEqual([rcep]);
    expect(await db.userEntryDocuments.toArray()).toEqual([
      { entryId: 'rcep', docId: 'user-notes-000001', mentions: 1, first: rcep },
    ]);
    expect(await db.userTextIndex.where('docId').equals('user-notes-000001').count()).toBeGreaterThan(0);
    expect((await db.userDocumentFacts.get('user-notes-000001'))?.named).toEqual(['rcep']);
    db.close();
  });
});
