/**
 * The knowledge API the background answers messages with. It reads rows through `KnowledgeRows`,
 * which the Dexie store provides, and which the bundle in memory provides when IndexedDB is
 * unavailable (Firefox with history disabled, some private windows): Gloss then still works.
 */
import { defaultCaseRule } from '../match/case-rule';
import { evidenceRules } from '../corpus/mentions';
import { USER_ID_PREFIX, type Citation, type DocumentInfo, type Entry, type Fact, type KnowledgeBundle, type Mention, type Paragraph, type TimelineEvent } from '../corpus/types';
import type { Side } from '../match/evidence';
import type { AliasSpec } from '../match/matcher';
import { foldKey } from '../text/normalize';
import type { IndexedEntry } from '../views';
import { LAST_ID, type GlossDatabase } from './db';
import { paragraphCount as pagedParagraphCount, readMentions, readParagraphs } from './pages';
import { BUNDLE_HASH_KEY, TIMELINE_KEY } from './seed';

export interface KnowledgeRows {
  entry(id: string): Promise<Entry | undefined>;
  allEntries(): Promise<Entry[]>;
  documents(): Promise<DocumentInfo[]>;
  aliases(): Promise<AliasSpec[]>;
  entryIdsByAliasKey(key: string): Promise<string[]>;
  paragraphsOf(docId: string): Promise<Paragraph[]>;
  mentionsOf(entryId: string): Promise<Mention[]>;
  mentionsIn(docId: string): Promise<Mention[]>;
  /** The first mention in each document that mentions the entry, from an index (never every mention). */
  firstMentions(entryId: string): Promise<Mention[]>;
  /** How many paragraphs a document has, and a range of them with their mentions (the reader's pages). */
  paragraphCount(docId: string): Promise<number>;
  paragraphRange(docId: string, from: number, to: number): Promise<{ paragraphs: Paragraph[]; mentions: Mention[] }>;
  timeline(): Promise<TimelineEvent[]>;
  bundleHash(): Promise<string>;
}

/** The source of a quote, as a citation shows it: the original's outlet and date, and the copy's, who publishes it, who wrote it. */
export interface SourceInfo extends Pick<DocumentInfo, 'title' | 'outlet' | 'date' | 'dateISO' | 'republished' | 'updated' | 'perspective' | 'genre'> {
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
  };
}

export interface CitedQuote extends Citation {
  source: SourceInfo;
}
/** A fact with its source: who speaks, where it is cut and Gloss's note come with it. */
export interface CitedFact extends Fact {
  source: SourceInfo;
}
export interface RelatedLink {
  id: string;
  name: string;
  kind: Entry['kind'];
}
/** Everything a card shows for one entry. */
export interface CardData {
  id: string;
  name: string;
  kind: Entry['kind'];
  /** Absent where no sentence of the documents defines the entry: its kind says what it is. */
  label?: CitedQuote;
  /** Empty where the documents only name the entry. */
  facts: CitedFact[];
  /** Documents that mention the entry, and how many documents there are. */
  mentionedIn: number;
  documentCount: number;
  /** The first mention in each of the reader's own documents that mention the entry. */
  inYourDocuments: CitedQuote[];
  related: RelatedLink[];
}
/** What the content script builds its matcher from, and the evidence rules it judges matches by. */
export interface MatcherData {
  hash: string;
  aliases: AliasSpec[];
  related: [string, string[]][];
  sides: [string, Side][];
  topical: string[];
}

export type StoreMode = 'database' | 'memory';

/**
 * The facts in the glossary's order, except that a fact quoting the sentence the label comes from
 * goes last: shown first, it would read as the label said twice ("General Secretary of …" then "On
 * September 10, 2023, General Secretary of …"). It stays, for what else it says, in the entry in full.
 */
export function labelRepeatsLast<F extends Citation>(facts: readonly F[], label: Citation | undefined): F[] {
  const repeats = (f: F) => !!label && f.docId === label.docId && f.paragraph === label.paragraph && (f.quote.includes(label.quote) || label.quote.includes(f.quote));
  return [...facts.filter((f) => !repeats(f)), ...facts.filter(repeats)];
}

export class Knowledge {
  constructor(
    private readonly rows: KnowledgeRows,
    readonly mode: StoreMode,
  ) {}

  async card(id: string): Promise<CardData | null> {
    const entry = await this.rows.entry(id);
    if (!entry) return null;
    const [documents, mentions] = await Promise.all([this.rows.documents(), this.rows.firstMentions(id)]);
    const sources = new Map(documents.map((d): [string, SourceInfo] => [d.id, sourceInfo(d)]));
    const userDocs = new Set(documents.filter((d) => d.user).map((d) => d.id));
    const cite = <T extends Citation>(c: T): T & { source: SourceInfo } => ({ ...c, source: sources.get(c.docId) ?? { title: c.docId, outlet: null, date: null, dateISO: null } });
    const related = (await Promise.all(entry.related.map((r) => this.rows.entry(r))))
      .filter((e): e is Entry => !!e)
      .map((e) => ({ id: e.id, name: e.name, kind: e.kind }));
    return {
      id: entry.id,
      name: entry.name,
      kind: entry.kind,
      ...(entry.label ? { label: cite(entry.label) } : {}),
      facts: labelRepeatsLast(entry.facts, entry.label).map(cite),
      mentionedIn: mentions.length,
      documentCount: documents.length,
      inYourDocuments: inTextOrder(mentions.filter((m) => userDocs.has(m.docId))).slice(0, MAX_USER_CITATIONS).map((m) =>
        cite({ docId: m.docId, paragraph: m.paragraph, quote: m.text, start: m.start, end: m.end }),
      ),
      related,
    };
  }

  entry(id: string): Promise<Entry | undefined> {
    return this.rows.entry(id);
  }

  /** Entries one of whose aliases folds to the same text as `text` ("Đổi Mới", "doi-moi" → Doi Moi). */
  async entriesByAlias(text: string): Promise<Entry[]> {
    const ids = [...new Set(await this.rows.entryIdsByAliasKey(foldKey(text)))];
    return (await Promise.all(ids.map((id) => this.rows.entry(id)))).filter((e): e is Entry => !!e);
  }

  paragraphsOf(docId: string): Promise<Paragraph[]> {
    return this.rows.paragraphsOf(docId);
  }

  documents(): Promise<DocumentInfo[]> {
    return this.rows.documents();
  }

  /** Every entry's display name, by id. */
  /** Every entry, by name: what the source viewer's index and the popup's suggestions list. */
  async entryIndex(): Promise<IndexedEntry[]> {
    return (await this.rows.allEntries())
      .map((e) => ({ id: e.id, name: e.name, kind: e.kind, label: e.label?.quote ?? null, facts: e.facts.length }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async entryNames(): Promise<Map<string, string>> {
    return new Map((await this.rows.allEntries()).map((e) => [e.id, e.name]));
  }

  /** Every mention in one document, in text order (the reader marks them). */
  async mentionsIn(docId: string): Promise<Mention[]> {
    return inTextOrder(await this.rows.mentionsIn(docId));
  }

  paragraphCount(docId: string): Promise<number> {
    return this.rows.paragraphCount(docId);
  }

  /** Paragraphs `from`…`to` of a document, with their mentions in text order (the reader loads a long document by pages). */
  async paragraphRange(docId: string, from: number, to: number): Promise<{ paragraphs: Paragraph[]; mentions: Mention[] }> {
    const { paragraphs, mentions } = await this.rows.paragraphRange(docId, from, to);
    return { paragraphs, mentions: inTextOrder(mentions) };
  }

  timeline(): Promise<TimelineEvent[]> {
    return this.rows.timeline();
  }

  mentionsOf(entryId: string): Promise<Mention[]> {
    return this.rows.mentionsOf(entryId);
  }

  async matcherData(): Promise<MatcherData> {
    const [hash, aliases, entries] = await Promise.all([this.rows.bundleHash(), this.rows.aliases(), this.rows.allEntries()]);
    const rules = evidenceRules(entries);
    return { hash, aliases, related: [...rules.related].map(([id, ids]) => [id, [...ids]]), sides: [...rules.sides], topical: [...rules.topical] };
  }
}

/**
 * Rows from the database: the corpus tables the bundle seeds, and after them the reader's own
 * documents, entries and mentions, so cards, search and the reader treat both alike.
 */
export function databaseRows(db: GlossDatabase): KnowledgeRows {
  const both = async <T>(corpus: Promise<T[]>, user: Promise<T[]>): Promise<T[]> => [...(await corpus), ...(await user)];
  return {
    // The reader's ids, and only theirs, begin with USER_ID_PREFIX (the compiler refuses it).
    entry: (id) => (isUserId(id) ? db.userEntries : db.entries).get(id),
    allEntries: () => both(db.entries.toArray(), db.userEntries.toArray()),
    documents: () => both(db.documents.toArray(), db.userDocuments.toArray()),
    aliases: () =>
      both(
        db.aliases.orderBy('id').toArray().then((rows) => rows.map(({ id: _, key: __, ...alias }) => alias)),
        db.userEntries.toArray().then(userAliases),
      ),
    entryIdsByAliasKey: (key) =>
      both(
        db.aliases.where('key').equals(key).toArray().then((rows) => rows.filter((a) => !a.blocks).map((a) => a.entryId)),
        db.userEntries.toArray().then((entries) => userAliases(entries).filter((a) => foldKey(a.text) === key).map((a) => a.entryId)),
      ),
    paragraphsOf: (docId) => (isUserId(docId) ? readParagraphs(db, docId) : db.paragraphs.where('docId').equals(docId).sortBy('n')),
    mentionsOf: async (entryId) => {
      const yours = await Promise.all((await entryDocuments(db, entryId)).map(async (d) => (await readMentions(db, d.docId)).filter((m) => m.entryId === entryId)));
      return [...(await db.mentions.where('entryId').equals(entryId).toArray()), ...yours.flat()];
    },
    mentionsIn: (docId) => both(db.mentions.where('docId').equals(docId).toArray(), readMentions(db, docId)),
    // The bundle's mentions are few; the reader's first mention in each document is kept in userEntryDocuments.
    firstMentions: async (entryId) => [
      ...firstMentionPerDocument(await db.mentions.where('entryId').equals(entryId).toArray()),
      ...(await entryDocuments(db, entryId)).map((d) => d.first),
    ],
    paragraphCount: async (docId) => (isUserId(docId) ? pagedParagraphCount(db, docId) : db.paragraphs.where('docId').equals(docId).count()),
    paragraphRange: async (docId, from, to) => ({
      paragraphs: isUserId(docId) ? await readParagraphs(db, docId, from, to) : await db.paragraphs.where('[docId+n]').between([docId, from], [docId, to], true, true).toArray(),
      mentions: await both(db.mentions.where('[docId+paragraph]').between([docId, from], [docId, to], true, true).toArray(), readMentions(db, docId, from, to)),
    }),
    timeline: async () => ((await db.meta.get(TIMELINE_KEY))?.value as TimelineEvent[] | undefined) ?? [],
    bundleHash: async () => String((await db.meta.get(BUNDLE_HASH_KEY))?.value ?? ''),
  };
}

const isUserId = (id: string) => id.startsWith(USER_ID_PREFIX);

/** The documents that hold the reader's mentions of an entry. */
const entryDocuments = (db: GlossDatabase, entryId: string) => db.userEntryDocuments.where('[entryId+docId]').between([entryId, ''], [entryId, LAST_ID], true, true).toArray();

/** Most of the reader's documents a card lists. */
const MAX_USER_CITATIONS = 5;

const inTextOrder = (mentions: readonly Mention[]) => [...mentions].sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);

function firstMentionPerDocument(mentions: readonly Mention[]): Mention[] {
  const first = new Map<string, Mention>();
  for (const m of inTextOrder(mentions)) if (!first.has(m.docId)) first.set(m.docId, m);
  return [...first.values()];
}

/** The matcher's aliases of the reader's entries, with the case rule the glossary would give them. */
function userAliases(entries: readonly Entry[]): AliasSpec[] {
  return entries.flatMap((e) => e.aliases.map((text) => ({ entryId: e.id, text, caseRule: defaultCaseRule(text, e.kind) })));
}

export function memoryRows(bundle: KnowledgeBundle): KnowledgeRows {
  const entries = new Map(bundle.entries.map((e) => [e.id, e]));
  const byKey = new Map<string, string[]>();
  for (const a of bundle.aliases) {
    if (a.blocks) continue;
    const key = foldKey(a.text);
    byKey.set(key, [...(byKey.get(key) ?? []), a.entryId]);
  }
  return {
    entry: async (id) => entries.get(id),
    allEntries: async () => bundle.entries,
    documents: async () => bundle.documents,
    aliases: async () => bundle.aliases,
    entryIdsByAliasKey: async (key) => byKey.get(key) ?? [],
    paragraphsOf: async (docId) => bundle.paragraphs.filter((p) => p.docId === docId),
    mentionsOf: async (entryId) => bundle.mentions.filter((m) => m.entryId === entryId),
    mentionsIn: async (docId) => bundle.mentions.filter((m) => m.docId === docId),
    firstMentions: async (entryId) => firstMentionPerDocument(bundle.mentions.filter((m) => m.entryId === entryId)),
    paragraphCount: async (docId) => bundle.paragraphs.filter((p) => p.docId === docId).length,
    paragraphRange: async (docId, from, to) => ({
      paragraphs: bundle.paragraphs.filter((p) => p.docId === docId && p.n >= from && p.n <= to),
      mentions: bundle.mentions.filter((m) => m.docId === docId && m.paragraph >= from && m.paragraph <= to),
    }),
    timeline: async () => bundle.timeline,
    bundleHash: async () => bundle.hash,
  };
}
