/**
 * The one message map between Gloss's contexts. Every message, its data and its answer are typed
 * here; @webext-core/messaging carries them over runtime/tabs messaging. Messages reach only the
 * extension's own contexts (no externally_connectable), and handlers check their input anyway:
 * text that came from a web page is data, never trusted shape.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ReaderTarget } from './citation';
import { parseReaderHash, readerHash } from './citation';
import type { CardData, MatcherData } from './store/knowledge';
import type { EntryBrief, EntryDetail, SearchResult } from './views';

/** The terms marked on a page: entry id → number of occurrences, in page order of first appearance. */
export interface PageSummary {
  counts: [entryId: string, count: number][];
  /** False when Gloss is switched off on this site. */
  enabled: boolean;
  /** The key the site is remembered by for the on/off switch (lib/settings.ts). */
  site: string;
}
import type { StoreStatus } from './store/open';

export interface ProtocolMap {
  /** Content script → background: the card of an entry. */
  card(entryId: string): CardData | null;
  /** Content script → background: the card of the best fuzzy match of a text (a selection), if any. */
  lookUpText(text: string): CardData | null;
  /** Content script → background: what to build the matcher from. */
  matcherData(): MatcherData;
  /** Popup → background: search results for the search box. */
  search(query: string): SearchResult[];
  /** Popup → background: an entry in full, with its mentions by document. */
  entryDetail(entryId: string): EntryDetail | null;
  /** Popup → background: name, kind and label of entries (for the page summary). */
  briefs(entryIds: string[]): EntryBrief[];
  /** Popup → content script (top frame): the terms marked on the page, with counts. */
  pageSummary(): PageSummary;
  /** Popup → content script: scroll to the `index`-th occurrence of an entry on the page and flash it. */
  revealTerm(request: { entryId: string; index: number }): boolean;
  /** Popup → background: whether the database is in use, or the in-memory fallback and why. */
  storeStatus(): StoreStatus;
  /** Content script → background: open the source reader at a citation, in a new tab. */
  openReader(target: ReaderTarget): void;
  /** Background → content script: open a card for the current selection (shortcut or context menu). */
  lookUpSelection(text: string): void;
  /**
   * Options page → background: the reader's documents or entries changed; forget what was read from
   * the store. Answered before the options page tells the content scripts (lib/settings.ts
   * userDataVersion), so they never rebuild from stale data.
   */
  userDataChanged(): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();

/** Longest id of an entry or a document: a pack's id, "--", and the id within the pack. */
export const MAX_ID = 200;

/** Longest text a look-up accepts: a selection longer than this is not a term. */
export const MAX_LOOKUP_TEXT = 200;

/** An entry's id: lower-case words joined by hyphens, qualified by its pack's id for an installed pack ("pack--entry"). */
export function isEntryId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_ID && /^[a-z0-9]+(-[a-z0-9]+)*(--[a-z0-9]+(-[a-z0-9]+)*)?$/.test(value);
}

export function cleanLookupText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.replace(/\s+/g, ' ').trim();
  return text && text.length <= MAX_LOOKUP_TEXT ? text : null;
}

/** A reader target from another context, re-checked through the same parser as a reader address. */
export function cleanReaderTarget(value: unknown): ReaderTarget | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (typeof v.docId !== 'string') return null;
  return parseReaderHash(
    readerHash({
      docId: v.docId,
      paragraph: typeof v.paragraph === 'number' ? v.paragraph : undefined,
      quote: typeof v.quote === 'string' ? v.quote : undefined,
    }),
  );
}
