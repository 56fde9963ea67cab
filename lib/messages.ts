/**
 * The one message map between Gloss's contexts. Every message, its data and its answer are typed
 * here; @webext-core/messaging carries them over runtime/tabs messaging. Messages reach only the
 * extension's own contexts (no externally_connectable), and handlers check their input anyway:
 * text that came from a web page is data, never trusted shape.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ReaderTarget } from './citation';
import type { Direction } from './page/reading-order';
import { parseReaderHash, readerHash } from './citation';
import type { PageMatcherData, SerializedSieve } from './match/tables';
import type { Preferences } from './settings';
import type { CardData } from './store/knowledge';
import type { EntryBrief, EntryDetail, IndexedEntry, SearchResult } from './views';

/** The terms marked on a page: entry id → number of occurrences, in page order of first appearance. */
export interface PageSummary {
  counts: [entryId: string, count: number][];
  /** False when Gloss is switched off on this site. */
  enabled: boolean;
  /** The key the site is remembered by for the on/off switch (lib/settings.ts). */
  site: string;
}
import type { StoreStatus } from './store/open';

/**
 * What every frame that holds text asks for first: the sieve, to tell whether its text may hold a
 * term at all, and the settings. The rest of the matcher comes only once it may (pageMatcher).
 */
export interface PageSetup {
  sieve: SerializedSieve | null;
  /** What the common code units fold to, learnt once in the background (normalize.ts SHARED_UNIT_RANGES). */
  units: string;
  preferences: Preferences;
  disabledSites: string[];
}

/** What a frame has marked, for the toolbar button. */
export interface PageTerms {
  entryIds: string[];
  enabled: boolean;
}

/** Settings that changed (only those present), as the background tells the content scripts. */
export interface SettingsChange {
  preferences?: Preferences;
  disabledSites?: string[];
  /** The reader's documents or entries changed: the matcher must be asked for again. */
  userData?: boolean;
}

export interface ProtocolMap {
  /** Content script → background: the card of an entry. */
  card(entryId: string): CardData | null;
  /** Content script → background: the card of the best fuzzy match of a text (a selection), if any. */
  lookUpText(text: string): CardData | null;
  /** Content script → background: the sieve (built once in the background, to read as it is) and the settings. */
  pageSetup(): PageSetup;
  /** Content script → background, once the page's text may hold a term: the rest of the matcher. */
  pageMatcher(): PageMatcherData;
  /** Background → content scripts (every tab), and popup → its tab's top frame: settings changed on the options page or in the popup. */
  settingsChanged(change: SettingsChange): void;
  /**
   * Content script → background: the entries marked in this frame, and whether Gloss is on for its
   * site, for the toolbar button's badge and icon. Sent when either changes.
   */
  pageTerms(report: PageTerms): void;
  /** Popup → background: search results for the search box. */
  search(query: string): SearchResult[];
  /** Popup → background: an entry in full, with its mentions by document. */
  entryDetail(entryId: string): EntryDetail | null;
  /** Popup → background: name, kind and label of entries (for the page summary). */
  briefs(entryIds: string[]): EntryBrief[];
  /** Popup → background: every entry, by name (suggestions where a page has no term). */
  entryIndex(): IndexedEntry[];
  /** Popup → content script (top frame): the terms marked on the page, with counts. */
  pageSummary(): PageSummary;
  /** Popup → content script: scroll to the `index`-th occurrence of an entry on the page and flash it. */
  revealTerm(request: { entryId: string; index: number }): boolean;
  /** Popup → background: whether the database is in use, or the in-memory fallback and why. */
  storeStatus(): StoreStatus;
  /** Content script → background: open the source reader at a citation, in a new tab. */
  openReader(target: ReaderTarget): void;
  /** Opens an entry in full in the source viewer. */
  openEntry(entryId: string): void;
  /** Background → content script: open a card for the current selection (shortcut or context menu). */
  lookUpSelection(text: string): void;
  /**
   * Background → content scripts of a tab, and Gloss's own pages (which check `tabId` is theirs):
   * move to the next or previous marked term and open its card (the step shortcuts).
   */
  stepTerm(request: { direction: Direction; tabId?: number }): void;
  /**
   * Options page → background: the reader's documents or entries changed; forget what was read from
   * the store. Answered before the options page sets lib/settings.ts userDataVersion, on which the
   * background tells the content scripts, so they never rebuild from stale data.
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
