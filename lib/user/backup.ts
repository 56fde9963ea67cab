/**
 * Backup of everything the reader added: documents (with their paragraphs), entries and settings, as
 * one JSON file. Restoring merges: what is already in the store stays, what is new is added, and a
 * record that differs from the one in the store is reported as a conflict and left as the store has
 * it. A file that is not a Gloss backup, or is malformed anywhere, is refused whole before anything
 * is written. Mentions are not in the file: they are derived, and found again on restore.
 */
import { splitSentences } from '../corpus/documents';
import { ENTRY_KINDS, USER_ID_PREFIX, type DocumentInfo, type Entry, type Paragraph } from '../corpus/types';
import * as v from 'valibot';
import { fieldReader, isObject, Line, Text, Whole, type Check } from '../json-fields';
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
const fields = fieldReader((where) => refuse.backup('malformed', where));
const check: Check = fields.check;
const { read } = fields;
const BackupText = Text(300);
/** Text, or null; a field left out is null. */
const TextOrNull = v.optional(v.nullable(BackupText), null);
const UserId = v.pipe(
  v.string(),
  v.check((id) => isEntryId(id)),
  v.startsWith(USER_ID_PREFIX),
);
const Integer = v.pipe(v.number(), v.integer());

const BackupDocument = v.object({
  id: UserId,
  file: v.optional(BackupText, ''),
  title: v.pipe(
    BackupText,
    v.transform((title) => title || 'Untitled'),
  ),
  outlet: TextOrNull,
  authors: v.optional(v.array(BackupText), []),
  date: TextOrNull,
  dateISO: TextOrNull,
  /** A PDF's pages: labels, and first paragraphs in increasing order. */
  pages: v.optional(
    v.pipe(
      v.array(v.object({ label: Text(40), first: Whole(1) })),
      v.check((pages) => pages.every((p, i) => i === 0 || p.first > pages[i - 1].first)),
    ),
  ),
});

const BackupParagraph = v.object({
  docId: v.string(),
  n: Whole(1),
  text: Line(1_000_000),
});

const BackupCitation = v.object({
  docId: v.string(),
  paragraph: Integer,
  quote: Text(5000),
  start: Integer,
  end: Integer,
});

const BackupEntry = v.object({
  id: UserId,
  name: Text(100),
  kind: v.picklist(ENTRY_KINDS),
  label: BackupCitation,
  facts: v.optional(v.array(BackupCitation), []),
  related: v.optional(v.array(Text(100)), []),
  aliases: v.pipe(v.array(Text(100)), v.minLength(1)),
});

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
  const documents: DocumentInfo[] = read(v.array(BackupDocument), value.documents, 'documents').map(
    ({ pages, ...document }) => ({ ...document, user: true, ...(pages ? { pages } : {}) }),
  );
  const ids = new Set(documents.map((d) => d.id));
  check(ids.size === documents.length, 'documents: an id twice');
  const rawParagraphs = read(v.array(v.unknown()), value.paragraphs, 'paragraphs');
  const paragraphs: Paragraph[] = [];
  for (const [i, raw] of rawParagraphs.entries()) {
    if (i % PARAGRAPHS_PER_REPORT === 0) await progress(i, rawParagraphs.length);
    const p = read(BackupParagraph, raw, `paragraphs[${i}]`);
    check(ids.has(p.docId), `paragraphs[${i}].docId`);
    // Sentences are derived: computed again rather than trusted.
    paragraphs.push({ ...p, sentences: splitSentences(p.text) });
  }
  const entries: Entry[] = read(v.array(BackupEntry), value.entries, 'entries').map((e) => ({ ...e, user: true }));
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
