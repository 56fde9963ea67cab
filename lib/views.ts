/**
 * What the popup shows, as plain data the background sends: search results, an entry in full, and
 * short descriptions of the entries a page mentions.
 */
import type { Entry } from './corpus/types';
import type { Snippet } from './search/snippet';
import type { CardData, CitedQuote, SourceInfo } from './store/knowledge';

export interface EntryResult {
  type: 'entry';
  id: string;
  name: string;
  kind: Entry['kind'];
  /** The label, with the query's words marked; both absent for an entry no sentence defines. */
  snippet?: Snippet;
  label?: CitedQuote;
}

export interface PassageResult {
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
