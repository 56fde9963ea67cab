/**
 * The knowledge bundle: what the corpus compiler writes at build time and the store seeds from.
 * Every fact Gloss shows carries one citation shape, used alike by the card, the popup and the reader.
 */
import type { Side } from '../match/evidence';
import type { AliasSpec } from '../match/matcher';

export const BUNDLE_FORMAT = 2;

/** How the ids of the reader's own documents and entries begin; bundled ids never do. */
export const USER_ID_PREFIX = 'user-';

export type EntryKind =
  | 'person'
  | 'party'
  | 'institution'
  | 'media'
  | 'policy'
  | 'slogan'
  | 'initiative'
  | 'agreement'
  | 'place'
  | 'event'
  | 'concept';

export const ENTRY_KINDS: readonly EntryKind[] = [
  'person',
  'party',
  'institution',
  'media',
  'policy',
  'slogan',
  'initiative',
  'agreement',
  'place',
  'event',
  'concept',
];

/** Who publishes a corpus document, as a reader weighs what it says; shown beside its outlet. */
export type Perspective =
  'chinese-state-media' | 'chinese-party-newspaper' | 'chinese-media' | 'us-government' | 'not-stated';
export const PERSPECTIVES: readonly Perspective[] = [
  'chinese-state-media',
  'chinese-party-newspaper',
  'chinese-media',
  'us-government',
  'not-stated',
];

/** What kind of text a corpus document is: it tells who speaks in the document's own narration. */
export type Genre = 'report' | 'commentary' | 'interview' | 'joint-statement' | 'article';
export const GENRES: readonly Genre[] = ['report', 'commentary', 'interview', 'joint-statement', 'article'];

/** Where a quoted passage stands: document, paragraph (1-based, as the reader numbers them), and offsets in it. */
export interface Citation {
  docId: string;
  paragraph: number;
  quote: string;
  start: number;
  end: number;
}

/**
 * Who speaks in a quote, when the quote itself does not say: a speaker the text names beside it
 * ("Trong", for "…, he said"), or the document's own narration (its outlet or author). Absent: the
 * quote names its speaker ("…, Trong said.").
 */
export type Attribution = { speaker: string } | 'narration';

/** A quote shown as a fact: where it stands, who speaks in it, whether it is cut short, and Gloss's note on it. */
export interface Fact extends Citation {
  attribution?: Attribution;
  /**
   * The quote stops before its sentence does: shown with an ellipsis. (A fact always starts where its sentence starts.)
   */
  truncated?: true;
  /** A source error the quote keeps verbatim, noted ("the source misspells Xi Jinping"). */
  note?: string;
}

/** A date as a text states it ("Release Date:2023-12-19 14:32:46"), and as YYYY-MM-DD when it has one. */
export interface StatedDate {
  date: string;
  dateISO: string | null;
}

/** The knowledge pack a document comes from, as cards and citations name it (lib/packs). */
export interface PackRef {
  id: string;
  title: string;
  /** Gloss's own pack, shipped in the extension. */
  bundled?: true;
}

/** Where a page of a paged document (a PDF) begins: its label ("12", "iv") and its first paragraph's number. */
export interface PageStart {
  label: string;
  first: number;
}

export interface DocumentInfo {
  id: string;
  /** The corpus file it was compiled from, or the reader's import name. */
  file: string;
  title: string;
  /** The outlet that first published it (not a site that republished it), as the text names it. */
  outlet: string | null;
  outletNote?: string;
  authors: string[];
  /** The original's publication date exactly as the text states it, or null when the text states none. */
  date: string | null;
  /** The same date as YYYY-MM-DD, for ordering; only when the text states one. */
  dateISO: string | null;
  /** The copy is a republication: the site (null: it does not name itself), and its date as the text states it. */
  republished?: { by: string | null; date: StatedDate | null };
  /** "Updated on …" as the text states it: when a page changed, not when it was published. */
  updated?: StatedDate;
  /** Who publishes it (corpus documents). */
  perspective?: Perspective;
  /** What kind of text it is (corpus documents). */
  genre?: Genre;
  /** Where the text comes from and on what terms, when it is not the publisher's own copy. */
  licence?: string;
  /** True for documents the reader added. */
  user?: boolean;
  /** The pack it belongs to, as read from the store; absent for the reader's documents. */
  pack?: PackRef;
  /** The pages of a PDF, in order: citations then say "p. 12 ¶ 3". */
  pages?: PageStart[];
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
  /** Words quoted from a sentence that defines the entry; absent when no sentence does (the kind says what it is). */
  label?: Citation;
  /** What the documents say of it; empty when they only name it. */
  facts: Fact[];
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

/** One source's report of an event: its quote, and the date as that sentence states it (null: it states none). */
export interface TimelineAccount {
  when: string | null;
  citation: Fact;
}

/**
 * An event of the timeline, as one or more sources report it (sources may differ on the date); `sort`
 * orders it by the dates the texts state, null when none does.
 */
export interface TimelineEvent {
  id: string;
  title: string;
  sort: string | null;
  accounts: TimelineAccount[];
  entries: string[];
}

export interface CompileReport {
  /** "Full Name (ACR)" definitions in the corpus, and whether an entry or the exclusion list knows the acronym. */
  acronyms: {
    acronym: string;
    expansion: string;
    docId: string;
    paragraph: number;
    covered: 'entry' | 'excluded' | false;
  }[];
  /** Entries no document mentions. */
  unmentioned: string[];
  /** Every name the documents hold, covered by an entry's mention or by a line of the exclusion list. */
  coverage: Coverage;
}

/** How the names in the documents are covered (lib/corpus/coverage.ts). */
export interface Coverage {
  /** Distinct names the documents hold (folded), and how many an entry covers or the exclusion list does. */
  names: number;
  byEntries: number;
  excluded: number;
  /** Names neither covers, with where each first stands. */
  uncovered: { name: string; docId: string; paragraph: number }[];
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
  report: CompileReport;
}
