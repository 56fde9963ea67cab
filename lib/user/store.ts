/**
 * The reader's own documents in the Dexie store. Each write is one transaction: a document, its
 * paragraphs and its mentions are stored together or not at all. Mentions are found with the
 * compiler's own code (splitParagraphs, findMentions) and the matcher built from every entry.
 */
import { splitParagraphs } from '../corpus/documents';
import { findMentions } from '../corpus/mentions';
import type { DocumentInfo } from '../corpus/types';
import { buildMatcher } from '../match/matcher';
import type { GlossDatabase } from '../store/db';
import { foldKey } from '../text/normalize';
import { databaseRows, Knowledge } from '../store/knowledge';
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

/** A new id for a reader's document: readable, valid in reader addresses, never a corpus id. */
export function userDocumentId(title: string, random = Math.random): string {
  const slug = foldKey(title).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40).replace(/-$/, '');
  return `user-${slug || 'document'}-${Math.floor(random() * 36 ** 6).toString(36).padStart(6, '0')}`;
}

const field = (value: string | null | undefined): string | null => value?.replace(/\s+/g, ' ').trim().slice(0, MAX_FIELD) || null;

/** Stores a document the reader imported; `text` has one paragraph per line (see document-text.ts). */
export async function addUserDocument(db: GlossDatabase, details: DocumentDetails, text: string, fileName: string): Promise<DocumentInfo> {
  const title = field(details.title) ?? field(fileName) ?? 'Untitled';
  const date = field(details.date);
  const info: DocumentInfo = {
    id: userDocumentId(title),
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
  await db.transaction('rw', [db.userDocuments, db.userParagraphs, db.userMentions, db.entries, db.aliases, db.userEntries, db.meta], async () => {
    const { aliases, related } = await new Knowledge(databaseRows(db), 'database').matcherData();
    await db.userDocuments.add(info);
    await db.userParagraphs.bulkAdd(paragraphs);
    await db.userMentions.bulkAdd(findMentions(buildMatcher(aliases), new Map(related), paragraphs));
  });
  return info;
}

/** Removes a reader's document with its paragraphs and mentions. */
export async function deleteUserDocument(db: GlossDatabase, docId: string): Promise<void> {
  await db.transaction('rw', [db.userDocuments, db.userParagraphs, db.userMentions], async () => {
    await db.userDocuments.delete(docId);
    await db.userParagraphs.where('docId').equals(docId).delete();
    await db.userMentions.where('docId').equals(docId).delete();
  });
}

export function userDocuments(db: GlossDatabase): Promise<DocumentInfo[]> {
  return db.userDocuments.toArray();
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
