/**
 * The reader's own documents in the Dexie store. Each write is one transaction: a document, its
 * paragraphs and its mentions are stored together or not at all. Mentions are found with the
 * compiler's own code (splitParagraphs, findMentions) and the matcher built from every entry. A
 * document's mentions depend on that document alone; a change to the entries redoes them all.
 */
import { splitParagraphs } from '../corpus/documents';
import { evidenceRules, findMentions } from '../corpus/mentions';
import { USER_ID_PREFIX, type DocumentInfo, type Paragraph } from '../corpus/types';
import { buildMatcher } from '../match/matcher';
import type { GlossDatabase } from '../store/db';
import { foldKey } from '../text/normalize';
import { databaseRows } from '../store/knowledge';
import { decodeDocument, DocumentRefused, documentFormat, documentText } from './document-text';

export interface DocumentDetails {
  title: string;
  outlet: string | null;
  /** As the reader gave it; an ISO date (YYYY-MM-DD) also orders the document. */
  date: string | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Longest title, outlet or date kept. */
const MAX_FIELD = 300;

/**
 * A new id for a reader's document or entry, from its title or name: readable, valid in reader
 * addresses and as an entry id, and never a bundled id (those never start with "user-").
 */
export function userId(text: string, fallback: string, random = Math.random): string {
  const slug = foldKey(text).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40).replace(/-$/, '');
  return `${USER_ID_PREFIX}${slug || fallback}-${Math.floor(random() * 36 ** 6).toString(36).padStart(6, '0')}`;
}

const field = (value: string | null | undefined): string | null => value?.replace(/\s+/g, ' ').trim().slice(0, MAX_FIELD) || null;

/** Stores a document the reader imported; `text` has one paragraph per line (see document-text.ts). */
export async function addUserDocument(db: GlossDatabase, details: DocumentDetails, text: string, fileName: string): Promise<DocumentInfo> {
  const title = field(details.title) ?? field(fileName) ?? 'Untitled';
  const date = field(details.date);
  const info: DocumentInfo = {
    id: userId(title, 'document'),
    file: field(fileName) ?? '',
    title,
    outlet: field(details.outlet),
    authors: [],
    date,
    dateISO: date && ISO_DATE.test(date) ? date : null,
    user: true,
  };
  const paragraphs = splitParagraphs(info.id, text, []);
  if (paragraphs.length === 0) throw new DocumentRefused('noText');
  await db.transaction('rw', db.tables, async () => {
    const { matcher, rules } = await storeMatcher(db);
    await db.userDocuments.add(info);
    await db.userParagraphs.bulkAdd(paragraphs);
    await db.userMentions.bulkAdd(findMentions(matcher, rules, paragraphs));
  });
  return info;
}

/** The matcher over every entry in the store, bundled and the reader's, with the evidence rules. */
async function storeMatcher(db: GlossDatabase) {
  const rows = databaseRows(db);
  const [aliases, entries] = await Promise.all([rows.aliases(), rows.allEntries()]);
  return { matcher: buildMatcher(aliases), rules: evidenceRules(entries), entries };
}

/**
 * Runs `write` and then finds the reader's mentions again, all in one transaction over the whole
 * store: the rows and the mentions they imply are stored together or not at all.
 */
export async function writeUserData<T>(db: GlossDatabase, write: () => Promise<T>): Promise<T> {
  return db.transaction('rw', db.tables, async () => {
    const result = await write();
    await rebuildUserMentions(db);
    return result;
  });
}

/**
 * The mentions that involve the reader's data: every entry in the reader's documents, and the
 * reader's entries in the bundled documents. Derived data, so rebuilt whole (the corpus is a few
 * hundred paragraphs; the scan is linear in the text).
 */
export async function rebuildUserMentions(db: GlossDatabase): Promise<void> {
  const [{ matcher, rules, entries }, userParagraphs, corpusParagraphs] = await Promise.all([storeMatcher(db), db.userParagraphs.toArray(), db.paragraphs.toArray()]);
  const userEntryIds = new Set(entries.filter((e) => e.user).map((e) => e.id));
  // (Not Map.groupBy: Node 20, which runs the unit tests, lacks it.)
  const byDocument = (paragraphs: Paragraph[]) => {
    const groups = new Map<string, Paragraph[]>();
    for (const p of paragraphs) {
      const group = groups.get(p.docId);
      if (group) group.push(p);
      else groups.set(p.docId, [p]);
    }
    return groups.values();
  };
  const mentions = [...byDocument(userParagraphs)].flatMap((paragraphs) => findMentions(matcher, rules, paragraphs));
  if (userEntryIds.size) {
    for (const paragraphs of byDocument(corpusParagraphs)) {
      mentions.push(...findMentions(matcher, rules, paragraphs).filter((m) => userEntryIds.has(m.entryId)));
    }
  }
  await db.userMentions.clear();
  await db.userMentions.bulkAdd(mentions);
}

/** Removes a reader's document with its paragraphs and mentions. */
export async function deleteUserDocument(db: GlossDatabase, docId: string): Promise<void> {
  await db.transaction('rw', [db.userDocuments, db.userParagraphs, db.userMentions], async () => {
    await db.userDocuments.delete(docId);
    await db.userParagraphs.where('docId').equals(docId).delete();
    await db.userMentions.where('docId').equals(docId).delete();
  });
}

export interface DocumentSource {
  bytes: Uint8Array;
  /** The file's name ('' for pasted text). */
  fileName: string;
  mimeType: string;
}

/** The steps importDocument reports, for a progress bar. */
export const IMPORT_STEPS = 3;

/**
 * A file or pasted text, checked, turned into paragraphs and stored with its mentions. Throws
 * DocumentRefused (nothing is written) for a file Gloss cannot read as a document. The title the
 * reader gave wins; else the document's own (HTML <title>, first heading, first line); else the file name.
 */
export async function importDocument(
  db: GlossDatabase,
  source: DocumentSource,
  details: DocumentDetails,
  parseHtml: (html: string) => Document,
  onStep: (step: number) => void = () => {},
): Promise<DocumentInfo> {
  onStep(0);
  const raw = decodeDocument(source.bytes);
  onStep(1);
  const { text, title } = documentText(documentFormat(source.fileName, source.mimeType, raw), raw, parseHtml);
  onStep(2);
  const info = await addUserDocument(db, { ...details, title: field(details.title) ?? title ?? source.fileName }, text, source.fileName);
  onStep(3);
  return info;
}
