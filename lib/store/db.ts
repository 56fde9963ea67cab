/**
 * The Gloss database (IndexedDB through Dexie), in the extension's origin: the background installs
 * the bundled pack in it, the options page's worker the packs the reader installs, and extension
 * pages (popup, reader, options) read it directly.
 *
 * Pack tables (`pack*`) hold every installed knowledge pack, the bundled one included
 * (lib/packs/store.ts); a pack's rows are replaced whole by a new version. The reader's own data
 * lives in separate `user*` tables that installing, updating or removing a pack never writes, save
 * what is derived from it (mentions, counts), which is found again.
 */
import Dexie, { type Table } from 'dexie';
import type { AliasSpec } from '../match/matcher';
import type { DocumentInfo, Entry, Mention, Paragraph, SearchRecord, TimelineEvent } from '../corpus/types';
import type { PackManifest } from '../packs/format';
import { groupBy } from '../group-by';
import { paragraphPages } from './pages';

export const DATABASE_NAME = 'gloss';

/** A hundred paragraphs of a document (lib/store/pages.ts); `pack` for a pack's. */
export interface ParagraphPageRow {
  docId: string;
  page: number;
  paragraphs: Paragraph[];
  pack?: string;
}
/**
 * Mentions in a hundred paragraphs of a document (lib/store/pages.ts): a pack's own, or the reader's; `pack` for a
 * pack's.
 */
export interface MentionPageRow {
  docId: string;
  page: number;
  mentions: Mention[];
  pack?: string;
}

/** An installed knowledge pack: its manifest (less the list of sources), and how Gloss holds it. */
export interface PackRow extends Omit<PackManifest, 'sources'> {
  /** The pack file's hash: the same file installed again changes nothing. */
  hash: string;
  /** Ships with Gloss: installed on every start if it changed, and never removed. */
  bundled: boolean;
  /** Switched off, a pack is in no card, search, summary or matcher, and its documents are not listed. */
  enabled: boolean;
  /** Its place among the packs: the bundled first, then in the order they were first installed. */
  order: number;
  installedAt: string;
  documents: number;
  entries: number;
}
/** A pack's document; its id is qualified by the pack's (lib/packs/format.ts) unless bundled. */
export interface PackDocumentRow extends Omit<DocumentInfo, 'pack'> {
  pack: string;
  /** Its place in the pack. */
  order: number;
}
/** A pack's entry; `key` is its folded name, by which entries of two packs that share it are one. */
export interface PackEntryRow extends Entry {
  pack: string;
  key: string;
}
/** The pack's documents that mention one of its entries: how often, and where first. */
export interface PackEntryDocumentsRow {
  entryId: string;
  pack: string;
  documents: { docId: string; mentions: number; first: Mention }[];
}
/** What is read of a pack as a whole: the matcher's aliases and the timeline. */
export interface PackIndexRow {
  pack: string;
  aliases: AliasSpec[];
  timeline: TimelineEvent[];
}
/** A pack's passages, folded, for the popup's search. */
export interface PackSearchRow {
  pack: string;
  records: SearchRecord[];
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
 *  5. Knowledge packs: the bundled corpus is a pack like any other (packs, packDocuments,
 *     packEntries, packEntryDocuments, packParagraphPages, packMentionPages, packIndexes,
 *     packSearch), and the tables of the one corpus go. The upgrade drops the corpus's meta rows;
 *     the background installs the bundled pack on its next start.
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
  {
    version: 5,
    stores: {
      documents: null as unknown as string,
      paragraphs: null as unknown as string,
      entries: null as unknown as string,
      aliases: null as unknown as string,
      mentions: null as unknown as string,
      packs: 'id',
      packDocuments: 'id, pack',
      packEntries: 'id, key, [pack+key]',
      packEntryDocuments: 'entryId, pack',
      packParagraphPages: '[docId+page], pack',
      packMentionPages: '[docId+page], pack',
      packIndexes: 'pack',
      packSearch: 'pack',
    },
  },
];

/** Meta rows of the one corpus before packs (schema 4), dropped by the upgrade to 5. */
const CORPUS_META_KEYS = ['bundleHash', 'timeline'];

export class GlossDatabase extends Dexie {
  packs!: Table<PackRow, string>;
  packDocuments!: Table<PackDocumentRow, string>;
  packEntries!: Table<PackEntryRow, string>;
  packEntryDocuments!: Table<PackEntryDocumentsRow, string>;
  packParagraphPages!: Table<ParagraphPageRow, [string, number]>;
  packMentionPages!: Table<MentionPageRow, [string, number]>;
  packIndexes!: Table<PackIndexRow, string>;
  packSearch!: Table<PackSearchRow, string>;
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
      if (version === 5) declared.upgrade((tx) => tx.table('meta').bulkDelete(CORPUS_META_KEYS));
    }
  }
}

/**
 * Version 3's upgrade: the reader's paragraphs from a row each into pages. (It derived their mentions
 * too, from the corpus tables of then; since version 5 every upgrade ends with no pack installed, and
 * installing the bundled pack finds everything derived again: lib/packs/store.ts.)
 */
async function moveIntoPages(db: GlossDatabase, rows: Table<Paragraph, [string, number]>): Promise<void> {
  const byDocument = groupBy(await rows.orderBy('[docId+n]').toArray(), (p) => p.docId);
  for (const [docId, paragraphs] of byDocument) await db.userParagraphPages.bulkPut(paragraphPages(docId, paragraphs));
}

/** Above every id (ids are ASCII): the upper end of "any id" in a key range. */
export const LAST_ID = '\uffff';

/** Tables that hold the packs, each row with its pack's id. */
export const PACK_TABLES = [
  'packDocuments',
  'packEntries',
  'packEntryDocuments',
  'packParagraphPages',
  'packMentionPages',
  'packIndexes',
  'packSearch',
] as const;
