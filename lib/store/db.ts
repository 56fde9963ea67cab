/**
 * The Gloss database (IndexedDB through Dexie), in the extension's origin: the background seeds it,
 * extension pages (popup, reader, options) read it directly.
 *
 * Corpus tables hold what the bundle seeds and are replaced whole on a new bundle. The reader's own
 * data lives in separate `user*` tables that seeding never opens, so no re-seed can touch it.
 */
import Dexie, { type Table } from 'dexie';
import type { AliasSpec } from '../match/matcher';
import type { DocumentInfo, Entry, Mention, Paragraph } from '../corpus/types';
import { rebuildDerivedUserData } from '../user/derived';
import { paragraphPages } from './pages';

export const DATABASE_NAME = 'gloss';

export interface AliasRow extends AliasSpec {
  id?: number;
  /** Folded alias text, for look-ups by spelling. */
  key: string;
}
export interface MentionRow extends Mention {
  id?: number;
}
/** A hundred paragraphs of a reader's document (lib/store/pages.ts). */
export interface ParagraphPageRow {
  docId: string;
  page: number;
  paragraphs: Paragraph[];
}
/** The reader's mentions in a hundred paragraphs of a document, bundled or the reader's (lib/store/pages.ts). */
export interface MentionPageRow {
  docId: string;
  page: number;
  mentions: Mention[];
}
/** One document that mentions one entry: how often, and where first. What a card asks, without reading the mentions. */
export interface EntryDocumentRow {
  entryId: string;
  docId: string;
  mentions: number;
  first: Mention;
}
/**
 * One bucket of a reader's document's word index (lib/user/text-index.ts): the folded words whose
 * hash falls in the bucket, and the paragraphs each stands in (`paragraphs[starts[i]…starts[i+1]]`).
 */
export interface TextIndexRow {
  docId: string;
  bucket: number;
  terms: string[];
  starts: Uint32Array;
  paragraphs: Uint32Array;
}
/** What Gloss derives from a reader's document as a whole. */
export interface DocumentFactsRow {
  docId: string;
  /** SHA-256 of its paragraphs' text: the same text imported twice is told apart by it. */
  hash: string;
  /** The entries it names firmly: the evidence its other mentions were judged by. */
  named: string[];
}
export interface MetaRow {
  key: string;
  value: unknown;
}
export interface SettingRow {
  key: string;
  value: unknown;
}

/**
 * Every schema version Gloss has shipped, oldest first. Never edit a shipped version: add a new one,
 * with an upgrade function when existing rows need to change.
 *  1. The corpus tables.
 *  2. Tables for the reader's own documents, entries and settings.
 *  3. The reader's paragraphs and mentions a page of a hundred at a time (userParagraphPages,
 *     userMentionPages: lib/store/pages.ts), which documents mention each entry
 *     (userEntryDocuments), each document's word index (userTextIndex), its hash and context
 *     (userDocumentFacts). The upgrade moves the paragraphs into pages and derives everything else.
 *  4. The tables of a row per paragraph and per mention go.
 */
export const SCHEMA_VERSIONS: { version: number; stores: Record<string, string> }[] = [
  {
    version: 1,
    stores: {
      documents: 'id',
      paragraphs: '[docId+n], docId',
      entries: 'id, kind',
      aliases: '++id, key, entryId',
      mentions: '++id, entryId, docId, [docId+paragraph]',
      meta: 'key',
    },
  },
  {
    version: 2,
    stores: {
      userDocuments: 'id',
      userParagraphs: '[docId+n], docId',
      userEntries: 'id',
      userMentions: '++id, entryId, docId, [docId+paragraph]',
      settings: 'key',
    },
  },
  {
    version: 3,
    stores: {
      userParagraphPages: '[docId+page]',
      userMentionPages: '[docId+page]',
      userEntryDocuments: '[entryId+docId], docId',
      userTextIndex: '[docId+bucket]',
      userDocumentFacts: 'docId, hash',
    },
  },
  {
    version: 4,
    stores: {
      userParagraphs: null as unknown as string,
      userMentions: null as unknown as string,
    },
  },
];

export class GlossDatabase extends Dexie {
  documents!: Table<DocumentInfo, string>;
  paragraphs!: Table<Paragraph, [string, number]>;
  entries!: Table<Entry, string>;
  aliases!: Table<AliasRow, number>;
  mentions!: Table<MentionRow, number>;
  meta!: Table<MetaRow, string>;
  userDocuments!: Table<DocumentInfo, string>;
  userParagraphPages!: Table<ParagraphPageRow, [string, number]>;
  userEntries!: Table<Entry, string>;
  userMentionPages!: Table<MentionPageRow, [string, number]>;
  userEntryDocuments!: Table<EntryDocumentRow, [string, string]>;
  userTextIndex!: Table<TextIndexRow, [string, number]>;
  userDocumentFacts!: Table<DocumentFactsRow, string>;
  settings!: Table<SettingRow, string>;

  constructor(name = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    for (const { version, stores } of SCHEMA_VERSIONS) {
      const declared = this.version(version).stores(stores);
      // Whichever page opens the database first upgrades it, so every one of them knows how.
      if (version === 3) declared.upgrade((tx) => moveIntoPages(this, tx.table('userParagraphs')));
    }
  }
}

/** Version 3's upgrade: the reader's paragraphs from a row each into pages, and everything derived found again. */
async function moveIntoPages(db: GlossDatabase, rows: Table<Paragraph, [string, number]>): Promise<void> {
  const byDocument = new Map<string, Paragraph[]>();
  for (const p of await rows.orderBy('[docId+n]').toArray()) {
    const list = byDocument.get(p.docId);
    if (list) list.push(p);
    else byDocument.set(p.docId, [p]);
  }
  for (const [docId, paragraphs] of byDocument) await db.userParagraphPages.bulkPut(paragraphPages(docId, paragraphs));
  await rebuildDerivedUserData(db);
}

/** Above every id (ids are ASCII): the upper end of "any id" in a key range. */
export const LAST_ID = '\uffff';

/** Tables the bundle seeds; everything else belongs to the reader. */
export const CORPUS_TABLES = ['documents', 'paragraphs', 'entries', 'aliases', 'mentions'] as const;

