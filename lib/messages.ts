/**
 * The one message map between Gloss's contexts: for every message, the schema its data must meet
 * (valibot), and the type of its answer. @webext-core/messaging carries them over runtime/tabs
 * messaging. Messages reach only the extension's own contexts (no externally_connectable), yet what
 * a content script sends carries text from a web page: every message's data is checked where it
 * arrives, by `onMessage`, before a handler sees it, and the answers that come back from a content
 * script are checked where they arrive, by `sendMessage`. A message that fails its schema is refused
 * (the sender's promise rejects with a Refused error, lib/refused.ts) and its handler never runs.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import * as v from 'valibot';
import { parseViewerHash, viewerHash } from './citation';
import { onFirstUse } from './on-first-use';
import type { PageMatcherData, SerializedSieve } from './match/tables';
import { refuse } from './refused';
import { readPreferences, readSiteList, type Preferences } from './settings';
import type { StoreStatus } from './store/open';
import type { CardData, EntryBrief, EntryDetail, IndexedEntry, SearchResult } from './views';

/** Longest id of an entry or a document: a pack's id, "--", and the id within the pack. */
export const MAX_ID = 200;
/** Longest text a look-up accepts: a selection longer than this is not a term. */
export const MAX_LOOKUP_TEXT = 200;
/** Most entries one page-summary request may ask about. */
export const MAX_BRIEFS = 500;
/** Longest selection a shortcut or the context menu hands a content script. */
const MAX_SELECTION = 10_000;

const ENTRY_ID = /^[a-z0-9]+(-[a-z0-9]+)*(--[a-z0-9]+(-[a-z0-9]+)*)?$/;

/**
 * An entry's id: lower-case words joined by hyphens, qualified by its pack's id for an installed pack ("pack--entry").
 */
export function isEntryId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_ID && ENTRY_ID.test(value);
}

const entryId = () => v.pipe(v.string(), v.maxLength(MAX_ID), v.regex(ENTRY_ID));

/** Text to look up: white space collapsed, neither empty nor longer than a term can be. */
const lookupText = () =>
  v.pipe(
    v.string(),
    v.transform((text) => text.replace(/\s+/g, ' ').trim()),
    v.minLength(1),
    v.maxLength(MAX_LOOKUP_TEXT),
  );

/** No data at all. */
const nothing = () => v.nullish(v.never());

/**
 * A place in a document, re-read through the same parser as a source viewer's address, so only what one could name
 * passes.
 */
const target = () =>
  v.pipe(
    v.object({ docId: v.string(), paragraph: v.optional(v.number()), quote: v.optional(v.string()) }),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const target = parseViewerHash(viewerHash(dataset.value));
      if (target) return target;
      addIssue({ message: 'not a place in a document' });
      return NEVER;
    }),
  );

/** Settings as the background tells content scripts: read as storage is read, a field at a time. */
const settingsChange = () =>
  v.object({
    preferences: v.optional(v.pipe(v.unknown(), v.transform(readPreferences))),
    disabledSites: v.optional(v.pipe(v.unknown(), v.transform(readSiteList))),
    userData: v.optional(v.boolean()),
  });

const pageSummary = () =>
  v.object({
    /** Entry id → number of occurrences, in page order of first appearance. */
    counts: v.array(v.tuple([entryId(), v.pipe(v.number(), v.integer(), v.minValue(1))])),
    /** False when Gloss is switched off on this site. */
    enabled: v.boolean(),
    /** The key the site is remembered by for the on/off switch (lib/settings.ts siteKey). */
    site: v.string(),
  });

/** What a frame has marked, and whether Gloss is on for its site: for the toolbar button. */
const pageTerms = () => v.object({ entryIds: v.pipe(v.array(entryId()), v.maxLength(10_000)), enabled: v.boolean() });
/** Move to the next or previous marked term and open its card; Gloss's own pages check `tabId` is theirs. */
const stepTerm = () =>
  v.object({
    direction: v.picklist(['next', 'previous']),
    tabId: v.optional(v.pipe(v.number(), v.integer())),
  });

export type PageTerms = v.InferOutput<ReturnType<typeof pageTerms>>;
/** The terms marked on a page, as the content script of its top frame reports them. */
export type PageSummary = v.InferOutput<ReturnType<typeof pageSummary>>;
/** Settings that changed (only those present), as the background tells the content scripts. */
export type SettingsChange = v.InferInput<ReturnType<typeof settingsChange>>;

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

// Every message, by the context that receives it: the schema of its data. Three maps, not one, so that
// each context's bundle carries only the schemas it checks (the content script runs in every frame);
// each made on first use, so that a frame that receives no message makes none.

/**
 * Messages sent over runtime messaging: the background receives them (from content scripts, the popup,
 * the source viewer, the options page), and so do Gloss's own pages where one is meant for them.
 */
const toBackground = onFirstUse(() => ({
  /** Content script → background: the card of an entry. */
  card: entryId(),
  /** Content script → background: the card of the best fuzzy match of a text (a selection), if any. */
  lookUpText: lookupText(),
  /** Content script → background: the sieve (built once in the background, to read as it is) and the settings. */
  pageSetup: nothing(),
  /** Content script → background, once the page's text may hold a term: the rest of the matcher. */
  pageMatcher: nothing(),
  /**
   * Content script → background, when either changes: the entries marked in its frame, and whether Gloss is on there.
   */
  pageTerms: pageTerms(),
  /** Background → Gloss's own pages (the source viewer, the welcome page): the step shortcuts, for the tab `tabId`. */
  stepTerm: stepTerm(),
  /** Background → Gloss's own pages: the look-up shortcut or menu, for the tab `tabId`, with the menu's text if any. */
  lookUpHere: v.object({
    tabId: v.pipe(v.number(), v.integer()),
    text: v.pipe(v.string(), v.maxLength(MAX_SELECTION)),
  }),
  /** Popup, source viewer → background: search results for the search box. */
  search: lookupText(),
  /** Popup, source viewer → background: an entry in full, with its mentions by document. */
  entryDetail: entryId(),
  /** Popup → background: name, kind and label of entries (for the page summary); unknown ids are left out. */
  briefs: v.pipe(v.array(entryId()), v.maxLength(MAX_BRIEFS)),
  /** Popup, source viewer → background: every entry, by name. */
  entryIndex: nothing(),
  /** Popup → background: whether the database is in use, or the in-memory fallback and why. */
  storeStatus: nothing(),
  /** Content script → background: open the source viewer at a citation, in a new tab. */
  openViewer: target(),
  /** Content script → background: open an entry in full in the source viewer, in a new tab. */
  openEntry: entryId(),
  /**
   * Options page → background: the reader's documents, entries or packs changed; forget what was read
   * from the store. Answered before the options page sets lib/settings.ts userDataVersion, on which
   * the background tells the content scripts, so they never rebuild from stale data.
   */
  userDataChanged: nothing(),
}));

/** Messages content scripts receive (from the background and the popup). */
const toPage = onFirstUse(() => ({
  /**
   * Background → content scripts (every tab), and popup → its tab's top frame: settings changed on the options page or
   * in the popup.
   */
  settingsChanged: settingsChange(),
  /** Background → content script: open a card for the current selection (shortcut or context menu). */
  lookUpSelection: v.pipe(v.string(), v.maxLength(MAX_SELECTION)),
  /** Popup → content script (top frame): the terms marked on the page, with counts. */
  pageSummary: nothing(),
  /** Background → content scripts of a tab: move to the next or previous marked term and open its card. */
  stepTerm: stepTerm(),
  /** Popup → content script: scroll to the `index`-th occurrence of an entry on the page and flash it. */
  revealTerm: v.object({ entryId: entryId(), index: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
}));

/** The answers that come from content scripts, checked where they arrive (sendToTab). */
const fromPage = onFirstUse(() => ({
  pageSummary: pageSummary(),
  revealTerm: v.boolean(),
}));

/** What each message is answered with. */
interface Answers {
  card: CardData | null;
  lookUpText: CardData | null;
  pageSetup: PageSetup;
  pageMatcher: PageMatcherData;
  pageTerms: void;
  stepTerm: void;
  lookUpHere: void;
  settingsChanged: void;
  search: SearchResult[];
  entryDetail: EntryDetail | null;
  briefs: EntryBrief[];
  entryIndex: IndexedEntry[];
  pageSummary: PageSummary;
  revealTerm: boolean;
  storeStatus: StoreStatus;
  openViewer: void;
  openEntry: void;
  lookUpSelection: void;
  userDataChanged: void;
}

type BackgroundBound = ReturnType<typeof toBackground>;
type PageBound = ReturnType<typeof toPage>;
type Schemas = BackgroundBound & PageBound;
export type MessageType = keyof Schemas;
/** The data a message is sent with, and the data its handler receives once checked. */
type Sent<K extends MessageType> = v.InferInput<Schemas[K]>;
type Received<K extends MessageType> = v.InferOutput<Schemas[K]>;

export type ProtocolMap = { [K in MessageType]: (data: Sent<K>) => Answers[K] };

const messaging = defineExtensionMessaging<ProtocolMap>();

type Sender = Parameters<Parameters<typeof messaging.onMessage>[1]>[0]['sender'];

/** The data of a message of `type` as its handler receives it, once it meets the message's schema; else Refused. */
export function checkedData<K extends MessageType>(type: K, data: unknown): Received<K> {
  const page = toPage();
  const schema: v.GenericSchema =
    type in page ? page[type as keyof PageBound] : toBackground()[type as keyof BackgroundBound];
  return checked(schema, type, 'data', data) as Received<K>;
}

function checked(schema: v.GenericSchema, type: MessageType, part: 'data' | 'answer', value: unknown): unknown {
  const result = v.safeParse(schema, value);
  if (!result.success) throw refuse.message(part, `${type}: ${result.issues.map((i) => i.message).join('; ')}`);
  return result.output;
}

/**
 * The one way a context handles messages, for the map of those it receives: each message is checked
 * against its schema first, the handler receiving data that meets it (trimmed, re-read, as the schema
 * says); a message that does not is refused. The handler returns the function that stops listening.
 */
function receiver<Map extends Record<string, v.GenericSchema>>(schemas: () => Map) {
  return <K extends keyof Map & MessageType>(
    type: K,
    handler: (message: { data: Received<K>; sender: Sender }) => Answers[K] | Promise<Answers[K]>,
  ): (() => void) =>
    // The library's own types cannot follow a map of keys to handlers; the schema is what checks.
    messaging.onMessage(type, ((message: { data: unknown; sender: Sender }) =>
      handler({
        data: checked(schemas()[type], type, 'data', message.data) as Received<K>,
        sender: message.sender,
      })) as never);
}

/** Handles a message to the background or an extension page (the popup, the source viewer, the options page). */
export const onMessage = /* @__PURE__ */ receiver(toBackground);
/** Handles a message to a content script. */
export const onPageMessage = /* @__PURE__ */ receiver(toPage);

/** Sends a message to the background. */
export function sendMessage<K extends keyof BackgroundBound>(type: K, data: Sent<K>): Promise<Answers[K]> {
  return messaging.sendMessage(type, data as never) as Promise<Answers[K]>;
}

/**
 * Sends a message to the content script of a tab (a frame of it); an answer is checked against its schema before it is
 * returned.
 */
export async function sendToTab<K extends keyof PageBound>(
  type: K,
  data: Sent<K>,
  to: number | { tabId: number; frameId?: number },
): Promise<Answers[K]> {
  const answer: unknown = await messaging.sendMessage(type, data as never, to);
  const answers = fromPage();
  const schema: v.GenericSchema | undefined = type in answers ? answers[type as keyof typeof answers] : undefined;
  return (schema ? checked(schema, type, 'answer', answer) : answer) as Answers[K];
}
