/**
 * The reader's own documents in the Dexie store. Each write is one transaction: a document, its
 * paragraphs and what Gloss derives from them (lib/user/derived.ts) are stored together or not at
 * all. The heavy part, finding a document's mentions, is done before its transaction, against the
 * entries as they were then; the transaction checks that they still are (the store's revision), and
 * finds them again if not.
 */
import { splitParagraphs } from '../corpus/documents';
import { USER_ID_PREFIX, type DocumentInfo, type PageStart, type Paragraph } from '../corpus/types';
import type { GlossDatabase } from '../store/db';
import { deletePages, paragraphPages, readParagraphs } from '../store/pages';
import { PACKS_REVISION_KEY } from '../packs/store';
import { foldKey } from '../text/normalize';
import {
  deleteDerivedDocument,
  deriveDocument,
  deriveDocumentNow,
  storedTwin,
  storeMatcher,
  updateForEntryChange,
  writeDerivedDocument,
  type DerivedDocument,
  type Pace,
  type SteadyPace,
} from './derived';
import { refuse } from '../refused';

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
  const slug = foldKey(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40)
    .replace(/-$/, '');
  return `${USER_ID_PREFIX}${slug || fallback}-${Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0')}`;
}

const field = (value: string | null | undefined): string | null =>
  value?.replace(/\s+/g, ' ').trim().slice(0, MAX_FIELD) || null;

/**
 * The reader's document as it will be stored. The title the reader gave wins; else the document's
 * own (HTML <title>, first heading, first line, a PDF's title); else the file name. A PDF's pages
 * come with it, so its citations say the page.
 */
export function documentInfo(
  details: DocumentDetails,
  fileName: string,
  ownTitle: string | null = null,
  pages?: PageStart[],
): DocumentInfo {
  const title = field(details.title) ?? field(ownTitle) ?? field(fileName) ?? 'Untitled';
  const date = field(details.date);
  return {
    id: userId(title, 'document'),
    file: field(fileName) ?? '',
    title,
    outlet: field(details.outlet),
    authors: [],
    date,
    dateISO: date && ISO_DATE.test(date) ? date : null,
    user: true,
    ...(pages ? { pages } : {}),
  };
}

/** Meta key of the counter that changes with every change to the reader's entries. */
const ENTRIES_REVISION_KEY = 'userEntriesRevision';

/** What a document's mentions depend on: the packs and the reader's entries. */
export async function storeRevision(db: GlossDatabase): Promise<string> {
  const [packs, entries] = await Promise.all([db.meta.get(PACKS_REVISION_KEY), db.meta.get(ENTRIES_REVISION_KEY)]);
  return `${Number(packs?.value ?? 0)}/${Number(entries?.value ?? 0)}`;
}

/** A document ready to be stored: its paragraphs and what is derived from them, as of `revision`. */
interface PreparedDocument {
  info: DocumentInfo;
  paragraphs: Paragraph[];
  derived: DerivedDocument;
  revision: string;
}

/**
 * Splits a document's text (one paragraph per line, see document-text.ts) and finds its mentions,
 * outside any transaction. Throws DocumentRefused when it has no text, or when the store already holds
 * the same text and `allowDuplicate` is not set.
 */
export async function prepareDocument(
  db: GlossDatabase,
  info: DocumentInfo,
  text: string,
  allowDuplicate: boolean,
  pace: Pace = () => {},
): Promise<PreparedDocument> {
  const paragraphs = splitParagraphs(info.id, text, []);
  if (paragraphs.length === 0) throw refuse.document('noText');
  const at = await storeRevision(db);
  const derived = await deriveDocument(await storeMatcher(db), info.id, paragraphs, pace);
  if (!allowDuplicate) await refuseTwin(db, derived, paragraphs);
  return { info, paragraphs, derived, revision: at };
}

async function refuseTwin(
  db: GlossDatabase,
  derived: DerivedDocument,
  paragraphs: readonly Paragraph[],
): Promise<void> {
  const twin = await storedTwin(db, derived, paragraphs);
  const existing = twin ? await db.userDocuments.get(twin) : undefined;
  if (existing) throw refuse.document('duplicate', existing);
}

/**
 * Stores a prepared document in one transaction; its mentions are found again if the entries changed
 * meanwhile. Returns how many mentions it has.
 */
export async function storeDocument(
  db: GlossDatabase,
  prepared: PreparedDocument,
  allowDuplicate: boolean,
): Promise<number> {
  const { info, paragraphs } = prepared;
  return db.transaction('rw', db.tables, async () => {
    if (!allowDuplicate) await refuseTwin(db, prepared.derived, paragraphs);
    const derived =
      (await storeRevision(db)) === prepared.revision
        ? prepared.derived
        : deriveDocumentNow(await storeMatcher(db), info.id, paragraphs);
    await db.userDocuments.add(info);
    await db.userParagraphPages.bulkAdd(paragraphPages(info.id, paragraphs));
    await writeDerivedDocument(db, derived);
    return derived.mentions.length;
  });
}

/**
 * Changes the reader's entries (`write` adds or deletes them and says which spellings it added or
 * removed) and finds the mentions those spellings change, all in one transaction.
 */
export async function writeEntries<T>(
  db: GlossDatabase,
  write: () => Promise<{ result: T; aliases: string[] }>,
  pace?: SteadyPace,
): Promise<T> {
  return db.transaction('rw', db.tables, async () => {
    const before = await storeMatcher(db);
    const { result, aliases } = await write();
    if (aliases.length) {
      await updateForEntryChange(db, before, await storeMatcher(db), aliases, pace);
      await db.meta.put({
        key: ENTRIES_REVISION_KEY,
        value: Number((await db.meta.get(ENTRIES_REVISION_KEY))?.value ?? 0) + 1,
      });
    }
    return result;
  });
}

/** A paragraph of any document, a pack's or the reader's, by its number. */
export async function paragraphAt(db: GlossDatabase, docId: string, n: number): Promise<Paragraph | undefined> {
  return (await readParagraphs(db, docId, n, n))[0];
}

/** Removes a reader's document with its paragraphs and everything derived from it. */
export async function deleteUserDocument(db: GlossDatabase, docId: string): Promise<void> {
  await db.transaction(
    'rw',
    [
      db.userDocuments,
      db.userParagraphPages,
      db.userMentionPages,
      db.userEntryDocuments,
      db.userTextIndex,
      db.userDocumentFacts,
    ],
    async () => {
      await db.userDocuments.delete(docId);
      await deletePages(db, docId, ['paragraphs']);
      await deleteDerivedDocument(db, docId);
    },
  );
}
