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

export const DATABASE_NAME = 'gloss';

export interface AliasRow extends AliasSpec {
  id?: number;
  /** Folded alias text, for look-ups by spelling. */
  key: string;
}
export interface MentionRow extends Mention {
  id?: number;
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
];

export class GlossDatabase extends Dexie {
  documents!: Table<DocumentInfo, string>;
  paragraphs!: Table<Paragraph, [string, number]>;
  entries!: Table<Entry, string>;
  aliases!: Table<AliasRow, number>;
  mentions!: Table<MentionRow, number>;
  meta!: Table<MetaRow, string>;
  userDocuments!: Table<DocumentInfo, string>;
  userParagraphs!: Table<Paragraph, [string, number]>;
  userEntries!: Table<Entry, string>;
  userMentions!: Table<MentionRow, number>;
  settings!: Table<SettingRow, string>;

  constructor(name = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    for (const { version, stores } of SCHEMA_VERSIONS) this.version(version).stores(stores);
  }
}

/** Tables the bundle seeds; everything else belongs to the reader. */
export const CORPUS_TABLES = ['documents', 'paragraphs', 'entries', 'aliases', 'mentions'] as const;
