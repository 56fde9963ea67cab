/**
 * The knowledge bundle: what the corpus compiler writes at build time and the store seeds from.
 * Every fact Gloss shows carries one citation shape, used alike by the card, the popup and the reader.
 */
import type { Side } from '../match/evidence';
import type { AliasSpec } from '../match/matcher';

export const BUNDLE_FORMAT = 1;

/** How the ids of the reader's own documents and entries begin; bundled ids never do. */
export const USER_ID_PREFIX = 'user-';

export type EntryKind =
  | 'person' | 'party' | 'institution' | 'media' | 'policy' | 'initiative' | 'agreement' | 'place' | 'event' | 'concept';

export const ENTRY_KINDS: readonly EntryKind[] = [
  'person', 'party', 'institution', 'media', 'policy', 'initiative', 'agreement', 'place', 'event', 'concept',
];

/** Where a quoted passage stands: document, paragraph (1-based, as the reader numbers them), and offsets in it. */
export interface Citation {
  docId: string;
  paragraph: number;
  quote: string;
  start: number;
  end: number;
}

export interface DocumentInfo {
  id: string;
  /** The corpus file it was compiled from, or the reader's import name. */
  file: string;
  title: string;
  outlet: string | null;
  outletNote?: string;
  authors: string[];
  /** The date exactly as the text states it, or null when the text states none. */
  date: string | null;
  /** The same date as YYYY-MM-DD, for ordering; only when the text states one. */
  dateISO: string | null;
  /** True for documents the reader added. */
  user?: boolean;
}

export interface Paragraph {
  docId: string;
  /** 1-based number among the document's content paragraphs. */
  n: number;
  text: string;
  /** Sentence ranges [start, end) within `text`. */
  sentences: [number, number][];
}

export interface Entry {
  id: string;
  name: string;
  kind: EntryKind;
  /** The side of China–Vietnam relations it stands for, when a firm mention tells what a page is about. */
  side?: Side;
  label: Citation;
  facts: Citation[];
  related: string[];
  /** Every spelling matched for this entry, the name first. */
  aliases: string[];
  user?: boolean;
}

export interface Mention {
  entryId: string;
  docId: string;
  paragraph: number;
  start: number;
  end: number;
  /** The text as it stands in the document. */
  text: string;
}

/** One searchable record: an entry or a passage. Fields hold folded text (see lib/text/normalize). */
export interface SearchRecord {
  type: 'entry' | 'passage';
  /** Entry id, or `docId#paragraph`. */
  ref: string;
  name: string;
  aliases: string[];
  text: string;
}

/** An event of the timeline, cited; `when` is the text's own words, `sort` the same date for ordering. */
export interface TimelineEvent {
  id: string;
  title: string;
  when: string | null;
  sort: string | null;
  citation: Citation;
  /** Where the date is stated, when not in the event's own quote. */
  dateCitation?: Citation;
  entries: string[];
}

export interface CompileReport {
  /** "Full Name (ACR)" definitions in the corpus, and whether an entry knows the acronym. */
  acronyms: { acronym: string; expansion: string; docId: string; paragraph: number; covered: boolean }[];
  /** Capitalised names that occur in the corpus but that no entry covers, most frequent first. */
  uncoveredNames: { name: string; count: number }[];
  /** Entries no document mentions. */
  unmentioned: string[];
}

export interface KnowledgeBundle {
  format: typeof BUNDLE_FORMAT;
  /** SHA-256 of everything else in the bundle: same input, same hash. */
  hash: string;
  documents: DocumentInfo[];
  paragraphs: Paragraph[];
  entries: Entry[];
  /** Flat alias list the matcher is built from, in a stable order; longer names that block (`blocks`) included. */
  aliases: AliasSpec[];
  mentions: Mention[];
  /** Dated events first, in order; undated ones after. */
  timeline: TimelineEvent[];
  search: { records: SearchRecord[]; index: unknown };
  report: CompileReport;
}
