/**
 * Backup of everything the reader added: documents (with their paragraphs), entries and settings, as
 * one JSON file. Restoring merges: what is already in the store stays, what is new is added, and a
 * record that differs from the one in the store is reported as a conflict and left as the store has
 * it. A file that is not a Gloss backup, or is malformed anywhere, is refused whole before anything
 * is written. Mentions are not in the file: they are derived, and found again on restore.
 */
import { splitSentences } from '../corpus/documents';
import {
  ENTRY_KINDS,
  USER_ID_PREFIX,
  type Citation,
  type DocumentInfo,
  type Entry,
  type PageStart,
  type Paragraph,
} from '../corpus/types';
import { fieldReaders, isObject, type Check } from '../json-fields';
import { isEntryId } from '../messages';
import { readPreferences, type Preferences } from '../settings';
import type { GlossDatabase } from '../store/db';
import { allParagraphs, paragraphPages, readParagraphs } from '../store/pages';
import { deriveDocument, deriveDocumentNow, storeMatcher, writeDerivedDocument, type DerivedDocument } from './derived';
import type { Progress } from './document-text';
import { paragraphAt, storeRevision, writeEntries } from './store';
import { refuse } from '../refused';

export const BACKUP_FORMAT = 'gloss-backup';
export const BACKUP_VERSION = 1;
/**
 * Largest backup file read: twenty documents of the largest size Gloss imports, and room to spare
 * (README states it; the options page says it when refusing).
 */
export const MAX_BACKUP_BYTES = 120 * 1024 * 1024;
/** Paragraphs checked between two progress reports. */
const PARAGRAPHS_PER_REPORT = 2000;

export interface BackupSettings {
  preferences: Preferences;
  disabledSites: string[];
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  documents: DocumentInfo[];
  paragraphs: Paragraph[];
  entries: Entry[];
  settings: BackupSettings;
}

export type BackupProblem = 'tooLarge' | 'notJson' | 'notBackup' | 'newerVersion' | 'malformed';

export async function exportBackup(db: GlossDatabase, settings: BackupSettings, now = new Date()): Promise<Backup> {
  return db.transaction('r', [db.userDocuments, db.userParagraphPages, db.userEntries], async () => ({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    documents: await db.userDocuments.toArray(),
    paragraphs: await allParagraphs(db),
    entries: await db.userEntries.toArray(),
    settings,
  }));
}

// ── Reading a file: every field checked, or the whole file refused ─────────────────────────────
const fields = fieldReaders((where) => refuse.backup('malformed', where), 300);
const check: Check = fields.check;
const { text, list } = fields;
const textOrNull = (v: unknown, where: string): string | null =>
  v === null || v === undefined ? null : text(v, where);
const userId = (v: unknown, where: string): string => {
  check(isEntryId(v) && v.startsWith(USER_ID_PREFIX), where);
  return v;
};

function readDocument(v: unknown, i: number): DocumentInfo {
  const where = `documents[${i}]`;
  check(isObject(v), where);
  return {
    id: userId(v.id, `${where}.id`),
    file: text(v.file ?? '', `${where}.file`),
    title: text(v.title, `${where}.title`) || 'Untitled',
    outlet: textOrNull(v.outlet, `${where}.outlet`),
    authors: list(v.authors ?? [], `${where}.authors`).map((a, j) => text(a, `${where}.authors[${j}]`)),
    date: textOrNull(v.date, `${where}.date`),
    dateISO: textOrNull(v.dateISO, `${where}.dateISO`),
    user: true,
    ...(v.pages !== undefined ? { pages: readPages(v.pages, `${where}.pages`) } : {}),
  };
}

/** A PDF's pages: labels, and first paragraphs in increasing order. */
function readPages(v: unknown, where: string): PageStart[] {
  const pages = list(v, where).map((p, i) => {
    check(isObject(p) && Number.isInteger(p.first) && (p.first as number) > 0, `${where}[${i}]`);
    return { label: text(p.label, `${where}[${i}].label`, 40), first: p.first as number };
  });
  check(
    pages.every((p, i) => i === 0 || p.first > pages[i - 1].first),
    where,
  );
  return pages;
}

function readParagraph(v: unknown, i: number, documents: Set<string>): Paragraph {
  const where = `paragraphs[${i}]`;
  check(isObject(v), where);
  check(typeof v.docId === 'string' && documents.has(v.docId), `${where}.docId`);
  check(Number.isInteger(v.n) && (v.n as number) > 0, `${where}.n`);
  const body = text(v.text, `${where}.text`, 1_000_000);
  check(body.trim() && !body.includes('\n'), `${where}.text`);
  // Sentences are derived: computed again rather than trusted.
  return { docId: v.docId as string, n: v.n as number, text: body, sentences: splitSentences(body) };
}

function readCitation(v: unknown, where: string): Citation {
  check(isObject(v), where);
  check(
    typeof v.docId === 'string' &&
      Number.isInteger(v.paragraph) &&
      Number.isInteger(v.start) &&
      Number.isInteger(v.end),
    where,
  );
  return {
    docId: v.docId as string,
    paragraph: v.paragraph as number,
    quote: text(v.quote, `${where}.quote`, 5000),
    start: v.start as number,
    end: v.end as number,
  };
}

function readEntry(v: unknown, i: number): Entry {
  const where = `entries[${i}]`;
  check(isObject(v), where);
  check(ENTRY_KINDS.includes(v.kind as Entry['kind']), `${where}.kind`);
  const aliases = list(v.aliases, `${where}.aliases`).map((a, j) => text(a, `${where}.aliases[${j}]`, 100));
  check(aliases.length > 0, `${where}.aliases`);
  return {
    id: userId(v.id, `${where}.id`),
    name: text(v.name, `${where}.name`, 100),
    kind: v.kind as Entry['kind'],
    label: readCitation(v.label, `${where}.label`),
    facts: list(v.facts ?? [], `${where}.facts`).map((f, j) => readCitation(f, `${where}.facts[${j}]`)),
    related: list(v.related ?? [], `${where}.related`).map((r, j) => text(r, `${where}.related[${j}]`, 100)),
    aliases,
    user: true,
  };
}

/** A backup file's text, checked whole; BackupRefused says what is wrong and where. */
export async function parseBackup(source: string, progress: Progress = () => {}): Promise<Backup> {
  if (source.length > MAX_BACKUP_BYTES) throw refuse.backup('tooLarge');
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    throw refuse.backup('notJson');
  }
  if (!isObject(value) || value.format !== BACKUP_FORMAT) throw refuse.backup('notBackup');
  // Only a number above this Gloss's comes from a newer Gloss; any other version ("1", 0.5) is damage.
  if (typeof value.version === 'number' && value.version > BACKUP_VERSION) throw refuse.backup('newerVersion');
  check(value.version === BACKUP_VERSION, 'version');
  const documents = list(value.documents, 'documents').map(readDocument);
  const ids = new Set(documents.map((d) => d.id));
  check(ids.size === documents.length, 'documents: an id twice');
  const rawParagraphs = list(value.paragraphs, 'paragraphs');
  const paragraphs: Paragraph[] = [];
  for (let i = 0; i < rawParagraphs.length; i++) {
    if (i % PARAGRAPHS_PER_REPORT === 0) await progress(i, rawParagraphs.length);
    paragraphs.push(readParagraph(rawParagraphs[i], i, ids));
  }
  const entries = list(value.entries, 'entries').map(readEntry);
  const settings = isObject(value.settings) ? value.settings : {};
  const sites = Array.isArray(settings.disabledSites)
    ? settings.disabledSites.filter((s): s is string => typeof s === 'string' && s.length <= 300)
    : [];
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: typeof value.exportedAt === 'string' ? value.exportedAt : '',
    documents,
    paragraphs,
    entries,
    settings: { preferences: readPreferences(settings.preferences), disabledSites: sites },
  };
}

export interface MergeReport {
  documentsAdded: number;
  entriesAdded: number;
  /** Records the store already held, the same. */
  unchanged: number;
  /** Titles and names the store holds differently (kept as the store has them), or whose label's passage is missing. */
  conflicts: string[];
}

const sameRecord = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The backup's paragraphs, by document, in order. */
function paragraphsByDocument(backup: Backup): Map<string, Paragraph[]> {
  const groups = new Map<string, Paragraph[]>(backup.documents.map((d) => [d.id, []]));
  for (const p of backup.paragraphs) groups.get(p.docId)!.push(p);
  for (const list of groups.values()) list.sort((a, b) => a.n - b.n);
  return groups;
}

/**
 * Adds what the store lacks, in one transaction with everything derived from it. The mentions of
 * the new documents are found first, outside the transaction (`progress` counts their paragraphs),
 * against the entries as they are; the transaction finds them again only if the entries changed
 * meanwhile, then adds the new entries and finds their mentions by the word index.
 */
export async function mergeBackup(
  db: GlossDatabase,
  backup: Backup,
  progress: Progress = () => {},
  saving: () => void = () => {},
): Promise<MergeReport> {
  const report: MergeReport = { documentsAdded: 0, entriesAdded: 0, unchanged: 0, conflicts: [] };
  const byDocument = paragraphsByDocument(backup);
  const revision = await storeRevision(db);
  const matcher = await storeMatcher(db);
  const derived = new Map<string, DerivedDocument>();
  const total = backup.paragraphs.length;
  let done = 0;
  for (const doc of backup.documents) {
    if (await db.userDocuments.get(doc.id)) continue;
    const paragraphs = byDocument.get(doc.id)!;
    derived.set(doc.id, await deriveDocument(matcher, doc.id, paragraphs, (n) => progress(done + n, total)));
    done += paragraphs.length;
  }
  await progress(total, total);
  saving();
  await writeEntries(db, async () => {
    const current = (await storeRevision(db)) === revision ? null : await storeMatcher(db);
    for (const doc of backup.documents) {
      const paragraphs = byDocument.get(doc.id)!;
      const existing = await db.userDocuments.get(doc.id);
      if (existing) {
        const same = sameRecord(existing, doc) && sameRecord(await readParagraphs(db, doc.id), paragraphs);
        if (same) report.unchanged++;
        else report.conflicts.push(doc.title);
        continue;
      }
      await db.userDocuments.add(doc);
      await db.userParagraphPages.bulkAdd(paragraphPages(doc.id, paragraphs));
      const ready = current ? undefined : derived.get(doc.id);
      const found = ready ?? deriveDocumentNow(current ?? matcher, doc.id, paragraphs);
      await writeDerivedDocument(db, found);
      report.documentsAdded++;
    }
    const aliases: string[] = [];
    for (const entry of backup.entries) {
      const existing = await db.userEntries.get(entry.id);
      if (existing) {
        if (sameRecord(existing, entry)) report.unchanged++;
        else report.conflicts.push(entry.name);
        continue;
      }
      // Every quote must stand in its passage, in this store.
      const quotesHold = await Promise.all(
        [...(entry.label ? [entry.label] : []), ...entry.facts].map(
          async (c) => (await paragraphAt(db, c.docId, c.paragraph))?.text.slice(c.start, c.end) === c.quote,
        ),
      );
      if (!quotesHold.every(Boolean)) {
        report.conflicts.push(entry.name);
        continue;
      }
      await db.userEntries.add(entry);
      aliases.push(...entry.aliases);
      report.entriesAdded++;
    }
    return { result: report, aliases };
  });
  return report;
}
