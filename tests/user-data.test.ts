// @vitest-environment jsdom
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES } from '../lib/settings';
import { DATABASE_NAME, GlossDatabase } from '../lib/store/db';
import { databaseRows, Knowledge } from '../lib/store/knowledge';
import { openStore } from '../lib/store/open';
import { seedFromBundle } from '../lib/store/seed';
import { BackupRefused, exportBackup, mergeBackup, parseBackup } from '../lib/user/backup';
import { addUserEntry, deleteUserEntry, EntryRefused } from '../lib/user/entries';
import { importDocument } from '../lib/user/store';
import { realBundle } from './helpers';

afterEach(async () => {
  await Dexie.delete(DATABASE_NAME);
});

const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const settings = { preferences: { ...DEFAULT_PREFERENCES, hoverDelayMs: 400 }, disabledSites: ['example.org'] };

async function storeWithUserData() {
  const bundle = await realBundle();
  const db = new GlossDatabase();
  await seedFromBundle(db, bundle);
  const doc = await importDocument(
    db,
    { bytes: new TextEncoder().encode('Port notes\nThe Lach Huyen port handles more ships each year. Lach Huyen is near Haiphong.'), fileName: 'port.txt', mimeType: '' },
    { title: 'Port notes', outlet: 'Field diary', date: '2026-10-01' },
    parseHtml,
  );
  const entry = await addUserEntry(db, { name: 'Lach Huyen', aliases: ['Lạch Huyện', 'LH port'], kind: 'place', label: { docId: doc.id, paragraph: 2, start: 0, end: 49 } });
  return { bundle, db, doc, entry };
}
const counts = async (db: GlossDatabase) => [await db.userDocuments.count(), await db.userParagraphs.count(), await db.userEntries.count(), await db.userMentions.count()];

describe('the reader’s entries', () => {
  it('are spotted like built-in ones, labelled by a sentence of a document, and deleted with their mentions', async () => {
    const { db, doc, entry } = await storeWithUserData();
    // "Lạch Huyện" folds to the name's own key: the matcher finds it through the name already.
    expect(entry).toMatchObject({ name: 'Lach Huyen', aliases: ['Lach Huyen', 'LH port'], label: { docId: doc.id, paragraph: 2, quote: 'The Lach Huyen port handles more ships each year.' } });
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
    const problem = (p: Promise<unknown>) => p.then(() => 'accepted', (e) => (e instanceof EntryRefused ? e.problem : String(e)));
    expect(await problem(addUserEntry(db, { name: 'To Lam', aliases: [], kind: 'person', label }))).toBe('nameTaken');
    expect(await problem(addUserEntry(db, { name: ' ', aliases: [], kind: 'person', label }))).toBe('noName');
    expect(await problem(addUserEntry(db, { name: 'Haiphong port', aliases: [], kind: 'place', label: { ...label, end: 9999 } }))).toBe('badLabel');
    expect(await problem(addUserEntry(db, { name: 'Haiphong port', aliases: [], kind: 'planet' as never, label }))).toBe('badKind');
    db.close();
  });
});

describe('backup', () => {
  it('export → clear → import restores documents, entries and mentions; importing again changes nothing', async () => {
    const { db } = await storeWithUserData();
    const before = await counts(db);
    const file = JSON.stringify(await exportBackup(db, settings));
    await db.transaction('rw', db.tables, async () => Promise.all([db.userDocuments.clear(), db.userParagraphs.clear(), db.userEntries.clear(), db.userMentions.clear()]));
    const backup = parseBackup(file);
    expect(backup.settings).toEqual(settings);
    expect(await mergeBackup(db, backup)).toEqual({ documentsAdded: 1, entriesAdded: 1, unchanged: 0, conflicts: [] });
    expect(await counts(db)).toEqual(before);
    expect(await mergeBackup(db, backup)).toEqual({ documentsAdded: 0, entriesAdded: 0, unchanged: 2, conflicts: [] });
    expect(await counts(db)).toEqual(before);
    db.close();
  });

  it('reports a record that differs from the store’s as a conflict and keeps the store’s', async () => {
    const { db, doc } = await storeWithUserData();
    const backup = parseBackup(JSON.stringify(await exportBackup(db, settings)));
    backup.documents[0] = { ...backup.documents[0], title: 'Port notes, edited' };
    expect((await mergeBackup(db, backup)).conflicts).toEqual(['Port notes, edited']);
    expect((await db.userDocuments.get(doc.id))?.title).toBe('Port notes');
    db.close();
  });

  it('refuses what is not a Gloss backup, or is malformed anywhere, before writing anything', async () => {
    const { db } = await storeWithUserData();
    const good = await exportBackup(db, settings);
    const problem = (text: string) => {
      try {
        parseBackup(text);
        return 'accepted';
      } catch (e) {
        return e instanceof BackupRefused ? `${e.problem}${e.where ? ` ${e.where}` : ''}` : String(e);
      }
    };
    expect(problem('not json {')).toBe('notJson');
    expect(problem(JSON.stringify({ formatName: 'dexie', data: {} }))).toBe('notBackup');
    expect(problem(JSON.stringify({ ...good, version: 2 }))).toBe('newerVersion');
    expect(problem(JSON.stringify({ ...good, documents: [{ ...good.documents[0], id: 'xinhua-community' }] }))).toBe('malformed documents[0].id');
    expect(problem(JSON.stringify({ ...good, paragraphs: [{ ...good.paragraphs[0], docId: 'elsewhere' }] }))).toBe('malformed paragraphs[0].docId');
    expect(problem(JSON.stringify({ ...good, entries: [{ ...good.entries[0], kind: '<img onerror=x>' }] }))).toBe('malformed entries[0].kind');
    expect(problem(JSON.stringify({ ...good, entries: [{ ...good.entries[0], aliases: [] }] }))).toBe('malformed entries[0].aliases');
    db.close();
  });

  it('the reader’s data survives a new corpus release seeded over it', async () => {
    const { bundle, db, entry } = await storeWithUserData();
    const before = await counts(db);
    db.close();
    const next = { ...bundle, hash: `${bundle.hash.slice(0, 60)}cafe` };
    const opened = await openStore(next);
    expect(opened.status.seed).toBe('seeded');
    expect(await counts(opened.db!)).toEqual(before);
    expect((await opened.knowledge.card(entry.id))?.name).toBe('Lach Huyen');
    opened.db!.close();
  });

  it('a new corpus release that spells an entry anew finds it in the reader’s documents', async () => {
    const { bundle, db, doc, entry } = await storeWithUserData();
    await deleteUserEntry(db, entry.id); // documents alone, no entries of the reader's
    db.close();
    const aliases = [...bundle.aliases, { entryId: 'hanoi', text: 'Haiphong', caseRule: 'name' as const }];
    const opened = await openStore({ ...bundle, aliases, hash: `${bundle.hash.slice(0, 60)}f00d` });
    expect(opened.status.seed).toBe('seeded');
    expect((await opened.knowledge.mentionsIn(doc.id)).filter((m) => m.entryId === 'hanoi').map((m) => m.text)).toEqual(['Haiphong']);
    opened.db!.close();
  });
});
