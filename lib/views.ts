/**
 * What cards, the popup and the source viewer show, as plain data the background sends: a card, search
 * results, an entry in full, and short descriptions of the entries a page mentions; and the source of a
 * quote as a citation shows it.
 */
import type { Citation, DocumentInfo, Entry, Fact, PackRef } from './corpus/types';
import type { Snippet } from './search/snippet';

/**
 * The source of a quote, as a citation shows it: the original's outlet and date, and the copy's, who publishes it, who
 * wrote it, its pack, its pages.
 */
export interface SourceInfo extends Pick<
  DocumentInfo,
  'title' | 'outlet' | 'date' | 'dateISO' | 'republished' | 'updated' | 'perspective' | 'genre' | 'pack' | 'pages'
> {
  authors?: string[];
}
export function sourceInfo(d: DocumentInfo): SourceInfo {
  return {
    title: d.title,
    outlet: d.outlet,
    date: d.date,
    dateISO: d.dateISO,
    authors: d.authors,
    ...(d.republished ? { republished: d.republished } : {}),
    ...(d.updated ? { updated: d.updated } : {}),
    ...(d.perspective ? { perspective: d.perspective } : {}),
    ...(d.genre ? { genre: d.genre } : {}),
    ...(d.pack ? { pack: d.pack } : {}),
    ...(d.pages ? { pages: d.pages } : {}),
  };
}

export interface CitedQuote extends Citation {
  source: SourceInfo;
}
/** A fact with its source: who speaks, where it is cut, Gloss's note and the pack come with it. */
export interface CitedFact extends Fact {
  source: SourceInfo;
}
interface RelatedLink {
  id: string;
  name: string;
  kind: Entry['kind'];
}
/** The documents of one pack that mention an entry, besides those its facts cite: the first mention in each. */
interface AlsoIn {
  pack: PackRef;
  /** The first few, in document order. */
  quotes: CitedQuote[];
  /** How many more documents of the pack mention it. */
  more: number;
}
/** Everything a card shows for one entry. */
export interface CardData {
  id: string;
  name: string;
  kind: Entry['kind'];
  /** Absent where no sentence of the documents defines the entry: its kind says what it is. */
  label?: CitedQuote;
  /** Empty where the documents only name the entry. Each source names its pack: the card groups them by it. */
  facts: CitedFact[];
  /** Documents that mention the entry, and how many documents there are. */
  mentionedIn: number;
  documentCount: number;
  /** Per pack, the documents that mention the entry and that no fact cites. */
  alsoIn: AlsoIn[];
  /** The first mention in each of the reader's own documents that mention the entry. */
  inYourDocuments: CitedQuote[];
  related: RelatedLink[];
}

interface EntryResult {
  type: 'entry';
  id: string;
  name: string;
  kind: Entry['kind'];
  /** The label, with the query's words marked; both absent for an entry no sentence defines. */
  snippet?: Snippet;
  label?: CitedQuote;
}

interface PassageResult {
  type: 'passage';
  docId: string;
  paragraph: number;
  source: SourceInfo;
  snippet: Snippet;
}

export type SearchResult = EntryResult | PassageResult;

export interface MentionGroup {
  docId: string;
  source: SourceInfo;
  mentions: { paragraph: number; text: string; snippet: Snippet }[];
}

export interface EntryDetail {
  card: CardData;
  mentionsByDocument: MentionGroup[];
}

export interface EntryBrief {
  id: string;
  name: string;
  kind: Entry['kind'];
  /** The label's words; null for an entry no sentence defines. */
  label: string | null;
}

/** An entry in the index of every entry: its brief, and how many facts Gloss has on it. */
export interface IndexedEntry extends EntryBrief {
  facts: number;
}

/** The `n` entries Gloss says most about (most facts; by name where equal): suggestions to start from. */
export function bestDocumented(entries: readonly IndexedEntry[], n: number): IndexedEntry[] {
  return [...entries].sort((a, b) => b.facts - a.facts || a.name.localeCompare(b.name)).slice(0, n);
}
