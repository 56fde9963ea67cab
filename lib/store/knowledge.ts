/**
 * The knowledge API the background answers messages with. It reads rows through `KnowledgeRows`,
 * which the Dexie store provides over every enabled pack and the reader's own data, and which the
 * bundled pack in memory provides when IndexedDB is unavailable (Firefox with history disabled, some
 * private windows): Gloss then still works.
 */
import { defaultCaseRule } from '../match/case-rule';
import { evidenceRules } from '../corpus/mentions';
import {
  USER_ID_PREFIX,
  type Citation,
  type DocumentInfo,
  type Entry,
  type KnowledgeBundle,
  type Mention,
  type Paragraph,
  type TimelineEvent,
} from '../corpus/types';
import type { Side } from '../match/evidence';
import type { AliasSpec } from '../match/matcher';
import Dexie from 'dexie';
import {
  combineEntry,
  EntryCatalogue,
  entryGroups,
  inPackOrder,
  packOfId,
  packRef,
  readCatalogue,
} from '../packs/combine';
import { repeatsLabel } from '../citation';
import { enabledPacks, packFirstMentions } from '../packs/store';
import { foldKey } from '../text/normalize';
import { sourceInfo, type CardData, type IndexedEntry, type SourceInfo } from '../views';
import { LAST_ID, type GlossDatabase, type PackDocumentRow, type PackEntryRow, type PackRow } from './db';
import { passageRef } from '../search/records';
import { paragraphCount as pagedParagraphCount, readMentions, readParagraphs, readPassages } from './pages';

export interface KnowledgeRows {
  /** An entry as the enabled packs combine it (by any of its packs' ids), or the reader's. */
  entry(id: string): Promise<Entry | undefined>;
  /** Entries by id, each as combined; ids of nothing are left out. */
  entries(ids: readonly string[]): Promise<Entry[]>;
  allEntries(): Promise<Entry[]>;
  /** The enabled packs' documents, pack by pack, then the reader's. */
  documents(): Promise<DocumentInfo[]>;
  documentsById(ids: readonly string[]): Promise<DocumentInfo[]>;
  documentCount(): Promise<number>;
  /** The enabled packs, in order: which a document or an entry belongs to, by its id (packOfId). */
  packs(): Promise<Pick<PackRow, 'id' | 'title' | 'bundled'>[]>;
  aliases(): Promise<AliasSpec[]>;
  entryIdsByAliasKey(key: string): Promise<string[]>;
  paragraphsOf(docId: string): Promise<Paragraph[]>;
  /** The paragraphs at `refs` (a document and a paragraph number each), read together. */
  passages(refs: readonly (readonly [docId: string, paragraph: number])[]): Promise<Paragraph[]>;
  mentionsOf(entryId: string): Promise<Mention[]>;
  mentionsIn(docId: string): Promise<Mention[]>;
  /** The first mention in each document that mentions the entry, from an index (never every mention). */
  firstMentions(entryId: string): Promise<Mention[]>;
  /** How many paragraphs a document has, and a range of them with their mentions (read by pages). */
  paragraphCount(docId: string): Promise<number>;
  paragraphRange(docId: string, from: number, to: number): Promise<{ paragraphs: Paragraph[]; mentions: Mention[] }>;
  timeline(): Promise<TimelineEvent[]>;
  /** Changes whenever what the matcher is built from may: the enabled packs and their hashes. */
  revision(): Promise<string>;
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
 * September 10, 2023, General Secretary of …"). The card leaves it out (factsForCard); it stays, for
 * what else it says, in the entry in full.
 */
export function labelRepeatsLast<F extends Citation>(facts: readonly F[], label: Citation | undefined): F[] {
  return [...facts.filter((f) => !repeatsLabel(f, label)), ...facts.filter((f) => repeatsLabel(f, label))];
}

/** Most documents a card lists for each pack, and for the reader's own. */
const MAX_ALSO_IN = 5;

export class Knowledge {
  constructor(
    private readonly rows: KnowledgeRows,
    readonly mode: StoreMode,
  ) {}

  async card(id: string): Promise<CardData | null> {
    const entry = await this.rows.entry(id);
    if (!entry) return null;
    const [mentions, packs, documentCount, related] = await Promise.all([
      this.rows.firstMentions(entry.id),
      this.rows.packs(),
      this.rows.documentCount(),
      this.rows.entries(entry.related),
    ]);
    const quoted = [...(entry.label ? [entry.label] : []), ...entry.facts];
    const cited = new Set(quoted.map((c) => c.docId));
    const yours = inTextOrder(mentions.filter((m) => isUserId(m.docId))).slice(0, MAX_ALSO_IN);
    const elsewhere = new Map<string, Mention[]>();
    for (const m of mentions) {
      const pack = !isUserId(m.docId) && !cited.has(m.docId) ? packOfId(m.docId, packs as PackRow[]) : undefined;
      if (pack && !pack.bundled) elsewhere.set(pack.id, [...(elsewhere.get(pack.id) ?? []), m]);
    }
    const shown = [...elsewhere.values()].flatMap((list) => byDocument(list).slice(0, MAX_ALSO_IN));
    const documents = await this.rows.documentsById([
      ...new Set([...cited, ...yours.map((m) => m.docId), ...shown.map((m) => m.docId)]),
    ]);
    const sources = new Map(documents.map((d): [string, SourceInfo] => [d.id, sourceInfo(d)]));
    const cite = <T extends Citation>(c: T): T & { source: SourceInfo } => ({
      ...c,
      source: sources.get(c.docId) ?? { title: c.docId, outlet: null, date: null, dateISO: null },
    });
    const quoteOf = (m: Mention) =>
      cite({ docId: m.docId, paragraph: m.paragraph, quote: m.text, start: m.start, end: m.end });
    return {
      id: entry.id,
      name: entry.name,
      kind: entry.kind,
      ...(entry.label ? { label: cite(entry.label) } : {}),
      facts: factsOfEachPack(entry.facts, packs as PackRow[])
        .flatMap((facts) => labelRepeatsLast(facts, entry.label))
        .map(cite),
      mentionedIn: mentions.length,
      documentCount,
      // Other packs' documents are listed; the bundled pack's are counted above and listed in the entry in full.
      alsoIn: packs.flatMap((p) => {
        const list = byDocument(elsewhere.get(p.id) ?? []);
        return list.length
          ? [
              {
                pack: packRef(p),
                quotes: list.slice(0, MAX_ALSO_IN).map(quoteOf),
                more: Math.max(0, list.length - MAX_ALSO_IN),
              },
            ]
          : [];
      }),
      inYourDocuments: yours.map(quoteOf),
      related: related.map((e) => ({ id: e.id, name: e.name, kind: e.kind })),
    };
  }

  entry(id: string): Promise<Entry | undefined> {
    return this.rows.entry(id);
  }

  /** Entries one of whose aliases folds to the same text as `text` ("Đổi Mới", "doi-moi" → Doi Moi). */
  async entriesByAlias(text: string): Promise<Entry[]> {
    return this.rows.entries([...new Set(await this.rows.entryIdsByAliasKey(foldKey(text)))]);
  }

  paragraphsOf(docId: string): Promise<Paragraph[]> {
    return this.rows.paragraphsOf(docId);
  }

  passages(refs: readonly (readonly [docId: string, paragraph: number])[]): Promise<Paragraph[]> {
    return this.rows.passages(refs);
  }

  documents(): Promise<DocumentInfo[]> {
    return this.rows.documents();
  }

  /** Every entry, as the enabled packs combine them, and the reader's. */
  allEntries(): Promise<Entry[]> {
    return this.rows.allEntries();
  }

  /** Every entry, by name: what the source viewer's index and the popup's suggestions list. */
  async entryIndex(): Promise<IndexedEntry[]> {
    return (await this.rows.allEntries())
      .map((e) => ({ id: e.id, name: e.name, kind: e.kind, label: e.label?.quote ?? null, facts: e.facts.length }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Every entry's display name, by id. */
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

  /**
   * Paragraphs `from`…`to` of a document, with their mentions in text order (the reader loads a long document by
   * pages).
   */
  async paragraphRange(
    docId: string,
    from: number,
    to: number,
  ): Promise<{ paragraphs: Paragraph[]; mentions: Mention[] }> {
    const { paragraphs, mentions } = await this.rows.paragraphRange(docId, from, to);
    return { paragraphs, mentions: inTextOrder(mentions) };
  }

  timeline(): Promise<TimelineEvent[]> {
    return this.rows.timeline();
  }

  mentionsOf(entryId: string): Promise<Mention[]> {
    return this.rows.mentionsOf(entryId);
  }

  /**
   * The matcher of every enabled pack and the reader's entries, with the evidence rules: the one source of what pages
   * are marked with.
   */
  async matcherData(): Promise<MatcherData> {
    const [hash, aliases, entries] = await Promise.all([
      this.rows.revision(),
      this.rows.aliases(),
      this.rows.allEntries(),
    ]);
    const rules = evidenceRules(entries);
    return {
      hash,
      aliases,
      related: [...rules.related].map(([id, ids]) => [id, [...ids]]),
      sides: [...rules.sides],
      topical: [...rules.topical],
    };
  }
}

const isUserId = (id: string) => id.startsWith(USER_ID_PREFIX);

/** Facts in runs of the pack each comes from (or the reader's), packs in the order of their first fact. */
function factsOfEachPack<F extends Citation>(facts: readonly F[], packs: readonly PackRow[]): F[][] {
  const runs = new Map<string, F[]>();
  for (const fact of facts) {
    const pack = packOfId(fact.docId, packs)?.id ?? '';
    runs.set(pack, [...(runs.get(pack) ?? []), fact]);
  }
  return [...runs.values()];
}

/** A document of a pack as read: its pack named. */
function packDocument({ pack, order: _, ...doc }: PackDocumentRow, packs: readonly PackRow[]): DocumentInfo {
  const row = packs.find((p) => p.id === pack);
  return { ...doc, ...(row ? { pack: packRef(row) } : {}) };
}

/** Timeline events of several packs as one: dated events in order, undated ones after, each in its pack's order. */
function mergeTimelines(lists: readonly TimelineEvent[][]): TimelineEvent[] {
  const events = lists.flat();
  return events.sort(
    (a, b) => (a.sort === null ? 1 : 0) - (b.sort === null ? 1 : 0) || (a.sort ?? '').localeCompare(b.sort ?? ''),
  );
}

/**
 * Rows from the database: every enabled pack, combined (lib/packs/combine.ts), and after them the
 * reader's own documents, entries and mentions, so cards, search and the reader treat all alike.
 */
export function databaseRows(db: GlossDatabase): KnowledgeRows {
  const packs = () => enabledPacks(db);
  /** Entries by id, each combined, with their related entries' ids combined too. */
  const combined = async (ids: readonly string[]): Promise<Entry[]> => {
    const user = (await db.userEntries.bulkGet(ids.filter(isUserId))).filter((e): e is Entry => !!e);
    const enabled = await packs();
    const groups = await entryGroups(
      db,
      enabled,
      ids.filter((id) => !isUserId(id)),
    );
    const relatedIds = [...groups.values()].flatMap((members) => members.flatMap((m) => m.related));
    const relatedGroups = await entryGroups(db, enabled, [...new Set(relatedIds)]);
    const canonical = (id: string) => relatedGroups.get(id)?.[0].id;
    const seen = new Set<string>();
    const entries: Entry[] = [];
    for (const id of ids) {
      const members = groups.get(id);
      const entry = members ? combineEntry(members, canonical) : user.find((e) => e.id === id);
      if (entry && !seen.has(entry.id)) {
        entries.push(entry);
        seen.add(entry.id);
      }
    }
    return entries;
  };
  /**
   * The enabled packs, the catalogue of their entries' combined ids, and a row of each pack's indexes.
   * These chain Dexie's own promises: the store's writes read them inside transactions
   * (lib/packs/combine.ts readCatalogue says why).
   */
  const indexed = () =>
    packs().then((enabled) =>
      Dexie.Promise.all([readCatalogue(db, enabled), db.packIndexes.bulkGet(enabled.map((p) => p.id))]).then(
        ([names, indexes]) => ({ enabled, names, indexes }),
      ),
    );
  /** The first mention of the entry in each pack document, over all the packs' entries of its name. */
  const memberIds = async (entryId: string) =>
    isUserId(entryId) ? [] : [...(await entryGroups(db, await packs(), [entryId])).values()].flat().map((m) => m.id);
  const rows: KnowledgeRows = {
    entry: async (id) => (await combined([id]))[0],
    entries: combined,
    allEntries: () =>
      packs().then((enabled) =>
        Dexie.Promise.all([db.packEntries.toArray(), db.userEntries.toArray()]).then(([all, user]) => {
          const members = inPackOrder(all, enabled);
          const names = new EntryCatalogue(members);
          const groups = new Map<string, PackEntryRow[]>();
          for (const e of members) {
            const id = names.canonical(e.id)!;
            const group = groups.get(id);
            if (group) group.push(e);
            else groups.set(id, [e]);
          }
          return [...[...groups.values()].map((group) => combineEntry(group, names.canonical)), ...user];
        }),
      ),
    async documents() {
      const enabled = await packs();
      const perPack = await Promise.all(
        enabled.map(async (p) =>
          (await db.packDocuments.where('pack').equals(p.id).sortBy('order')).map((d) => packDocument(d, enabled)),
        ),
      );
      return [...perPack.flat(), ...(await db.userDocuments.toArray())];
    },
    async documentsById(ids) {
      const enabled = await packs();
      const [packed, user] = await Promise.all([
        db.packDocuments.bulkGet(ids.filter((id) => !isUserId(id))),
        db.userDocuments.bulkGet(ids.filter(isUserId)),
      ]);
      const on = new Set(enabled.map((p) => p.id));
      return [
        ...packed.filter((d): d is PackDocumentRow => !!d && on.has(d.pack)).map((d) => packDocument(d, enabled)),
        ...user.filter((d): d is DocumentInfo => !!d),
      ];
    },
    documentCount: async () => (await packs()).reduce((n, p) => n + p.documents, 0) + (await db.userDocuments.count()),
    packs,
    aliases: () =>
      indexed().then(({ names, indexes }) =>
        db.userEntries
          .toArray()
          .then((user) => [...names.aliases(indexes.map((row) => row?.aliases ?? [])), ...userAliases(user)]),
      ),
    entryIdsByAliasKey: (key) =>
      rows
        .aliases()
        .then((aliases) => aliases.filter((a) => !a.blocks && foldKey(a.text) === key).map((a) => a.entryId)),
    paragraphsOf: (docId) => readParagraphs(db, docId),
    passages: (refs) => readPassages(db, refs),
    mentionsOf: async (entryId) => {
      const members = await memberIds(entryId);
      const own = new Set(members);
      const packDocs = [...new Set((await packFirstMentions(db, members)).map((m) => m.docId))];
      const inPacks = await Promise.all(
        packDocs.map(async (docId) =>
          (await readMentions(db, docId, 1, Infinity, db.packMentionPages)).filter((m) => own.has(m.entryId)),
        ),
      );
      const yours = await Promise.all(
        (await entryDocuments(db, entryId)).map(async (d) =>
          (await readMentions(db, d.docId)).filter((m) => m.entryId === entryId),
        ),
      );
      return [...inPacks.flat(), ...yours.flat()];
    },
    mentionsIn: async (docId) => [
      ...(await readMentions(db, docId, 1, Infinity, db.packMentionPages)),
      ...(await readMentions(db, docId)),
    ],
    // The reader's first mention in each document is kept in userEntryDocuments, a pack's in packEntryDocuments.
    firstMentions: async (entryId) => [
      ...(await packFirstMentions(db, await memberIds(entryId))),
      ...(await entryDocuments(db, entryId)).map((d) => d.first),
    ],
    paragraphCount: (docId) => pagedParagraphCount(db, docId),
    paragraphRange: async (docId, from, to) => ({
      paragraphs: await readParagraphs(db, docId, from, to),
      mentions: [
        ...(await readMentions(db, docId, from, to, db.packMentionPages)),
        ...(await readMentions(db, docId, from, to)),
      ],
    }),
    timeline: () =>
      indexed().then(({ names, indexes }) =>
        mergeTimelines(
          indexes.map((row) =>
            (row?.timeline ?? []).map((t) => ({ ...t, entries: t.entries.map((e) => names.canonical(e) ?? e) })),
          ),
        ),
      ),
    revision: async () => (await packs()).map((p) => `${p.id}@${p.hash}`).join(','),
  };
  return rows;
}

/** The documents that hold the reader's mentions of an entry. */
const entryDocuments = (db: GlossDatabase, entryId: string) =>
  db.userEntryDocuments.where('[entryId+docId]').between([entryId, ''], [entryId, LAST_ID], true, true).toArray();

const inTextOrder = (mentions: readonly Mention[]) =>
  [...mentions].sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
/** Mentions, one per document, by document id. */
const byDocument = (mentions: readonly Mention[]) => [...mentions].sort((a, b) => a.docId.localeCompare(b.docId));

function firstMentionPerDocument(mentions: readonly Mention[]): Mention[] {
  const first = new Map<string, Mention>();
  for (const m of inTextOrder(mentions)) if (!first.has(m.docId)) first.set(m.docId, m);
  return [...first.values()];
}

/** The matcher's aliases of the reader's entries, with the case rule the glossary would give them. */
function userAliases(entries: readonly Entry[]): AliasSpec[] {
  return entries.flatMap((e) =>
    e.aliases.map((text) => ({ entryId: e.id, text, caseRule: defaultCaseRule(text, e.kind) })),
  );
}

/** The bundled pack in memory, when there is no database: `pack` names it on every document. */
export function memoryRows(bundle: KnowledgeBundle, pack: Pick<PackRow, 'id' | 'title'>): KnowledgeRows {
  const entries = new Map(bundle.entries.map((e) => [e.id, e]));
  const documents = bundle.documents.map((d) => ({ ...d, pack: packRef({ ...pack, bundled: true }) }));
  const byKey = new Map<string, string[]>();
  for (const a of bundle.aliases) {
    if (a.blocks) continue;
    const key = foldKey(a.text);
    byKey.set(key, [...(byKey.get(key) ?? []), a.entryId]);
  }
  const entriesOf = async (ids: readonly string[]) => ids.map((id) => entries.get(id)).filter((e): e is Entry => !!e);
  return {
    entry: async (id) => entries.get(id),
    entries: entriesOf,
    allEntries: async () => bundle.entries,
    documents: async () => documents,
    documentsById: async (ids) => documents.filter((d) => ids.includes(d.id)),
    documentCount: async () => documents.length,
    packs: async () => [{ ...packRef(pack), bundled: true }],
    aliases: async () => bundle.aliases,
    entryIdsByAliasKey: async (key) => byKey.get(key) ?? [],
    paragraphsOf: async (docId) => bundle.paragraphs.filter((p) => p.docId === docId),
    passages: async (refs) => {
      const wanted = new Set(refs.map(([docId, n]) => passageRef(docId, n)));
      return bundle.paragraphs.filter((p) => wanted.has(passageRef(p.docId, p.n)));
    },
    mentionsOf: async (entryId) => bundle.mentions.filter((m) => m.entryId === entryId),
    mentionsIn: async (docId) => bundle.mentions.filter((m) => m.docId === docId),
    firstMentions: async (entryId) => firstMentionPerDocument(bundle.mentions.filter((m) => m.entryId === entryId)),
    paragraphCount: async (docId) => bundle.paragraphs.filter((p) => p.docId === docId).length,
    paragraphRange: async (docId, from, to) => ({
      paragraphs: bundle.paragraphs.filter((p) => p.docId === docId && p.n >= from && p.n <= to),
      mentions: bundle.mentions.filter((m) => m.docId === docId && m.paragraph >= from && m.paragraph <= to),
    }),
    timeline: async () => bundle.timeline,
    revision: async () => `${pack.id}@${bundle.hash}`,
  };
}
