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
import type { GlossDatabase } from './db';
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

export class Knowledge {
  constructor(
    private readonly rows: KnowledgeRows,
    readonly mode: StoreMode,
  ) {}

  async card(id: string): Promise<CardData | null> {
    const entry = await this.rows.entry(id);
    if (!entry) return null;
    const [documents, mentions] = await Promise.all([this.rows.documents(), this.rows.mentionsOf(id)]);
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
      facts: entry.facts.map(cite),
      mentionedIn: new Set(mentions.map((m) => m.docId)).size,
      documentCount: documents.length,
      inYourDocuments: firstMentionPerDocument(mentions.filter((m) => userDocs.has(m.docId))).map((m) =>
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
  async entryNames(): Promise<Map<string, string>> {
    return new Map((await this.rows.allEntries()).map((e) => [e.id, e.name]));
  }

  /** Every mention in one document, in text order (the reader marks them). */
  async mentionsIn(docId: string): Promise<Mention[]> {
    return (await this.rows.mentionsIn(docId)).sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
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
    paragraphsOf: (docId) => (isUserId(docId) ? db.userParagraphs : db.paragraphs).where('docId').equals(docId).sortBy('n'),
    mentionsOf: (entryId) => both(db.mentions.where('entryId').equals(entryId).toArray(), db.userMentions.where('entryId').equals(entryId).toArray()),
    mentionsIn: (docId) => both(db.mentions.where('docId').equals(docId).toArray(), db.userMentions.where('docId').equals(docId).toArray()),
    timeline: async () => ((await db.meta.get(TIMELINE_KEY))?.value as TimelineEvent[] | undefined) ?? [],
    bundleHash: async () => String((await db.meta.get(BUNDLE_HASH_KEY))?.value ?? ''),
  };
}

const isUserId = (id: string) => id.startsWith(USER_ID_PREFIX);

/** Most of the reader's documents a card lists. */
const MAX_USER_CITATIONS = 5;

function firstMentionPerDocument(mentions: readonly Mention[]): Mention[] {
  const first = new Map<string, Mention>();
  for (const m of [...mentions].sort((a, b) => a.paragraph - b.paragraph || a.start - b.start)) if (!first.has(m.docId)) first.set(m.docId, m);
  return [...first.values()].slice(0, MAX_USER_CITATIONS);
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
    timeline: async () => bundle.timeline,
    bundleHash: async () => bundle.hash,
  };
}
