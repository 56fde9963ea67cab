/**
 * What the background answers, as plain functions over the store and the search index, so they are
 * tested without a browser. Their inputs arrive checked by each message's schema (lib/messages.ts).
 */
import type { Entry, Paragraph } from './corpus/types';
import type { PackFile } from './packs/format';
import { enabledPacks } from './packs/store';
import { buildSearchRecords, passageRef, splitPassageRef } from './search/records';
import { Searcher } from './search/search';
import { snippet } from './search/snippet';
import { buildMatcher } from './match/matcher';
import {
  serializeMatcher,
  serializeSieve,
  serializeUnits,
  type PageMatcherData,
  type SerializedSieve,
} from './match/tables';
import { sharedUnitEntries } from './text/normalize';
import { sourceInfo, type CardData, type SourceInfo } from './views';
import { openStore, type OpenedStore, type StoreStatus } from './store/open';
import { allParagraphs } from './store/pages';
import type { EntryBrief, EntryDetail, IndexedEntry, MentionGroup, SearchResult } from './views';

/** Most results the popup lists for one query. */
const MAX_RESULTS = 20;

export class GlossService {
  /** Every frame of every page asks for these; they change only with the store, so they are built once. */
  private pageTablesOnce: Promise<{ sieve: SerializedSieve | null; matcher: PageMatcherData }> | null = null;

  private constructor(
    private readonly store: OpenedStore,
    private readonly bundled: PackFile,
  ) {}

  /** Opens the store with the bundled pack installed in it (or the pack alone in memory). */
  static async start(bundled: PackFile, dexieOptions?: Parameters<typeof openStore>[1]): Promise<GlossService> {
    return new GlossService(await openStore(bundled, dexieOptions), bundled);
  }

  /** The reader's documents, entries or packs changed: everything read from the store is read again. */
  userDataChanged(): void {
    this.pageTablesOnce = null;
    this.sourcesOnce = null;
    this.searcherOnce = null;
    this.paragraphCache.clear();
  }

  /**
   * Search over every enabled pack's entries (as combined) and passages, with the reader's own
   * documents and entries; in memory, over the bundled pack. The entries are kept by id beside it:
   * a result is drawn from them without reading the store (twenty entries combined from the store
   * took 20–40 ms in Chromium with a pack of 5,000 entries installed, on every keystroke).
   */
  private searcherOnce: Promise<{ searcher: Searcher; entries: Map<string, Entry> }> | null = null;
  private searcher(): Promise<{ searcher: Searcher; entries: Map<string, Entry> }> {
    this.searcherOnce ??= (async () => {
      const db = this.store.db;
      const entries = await this.store.knowledge.allEntries();
      const byId = new Map(entries.map((e) => [e.id, e]));
      if (!db)
        return { searcher: new Searcher(buildSearchRecords(entries, this.bundled.compiled.paragraphs)), entries: byId };
      const passages = (await db.packSearch.bulkGet((await enabledPacks(db)).map((p) => p.id))).flatMap(
        (row) => row?.records ?? [],
      );
      return {
        searcher: new Searcher([
          ...buildSearchRecords(entries, []),
          ...passages,
          ...buildSearchRecords([], await allParagraphs(db)),
        ]),
        entries: byId,
      };
    })();
    return this.searcherOnce;
  }

  get status(): StoreStatus {
    return this.store.status;
  }

  card(entryId: string): Promise<CardData | null> {
    return this.store.knowledge.card(entryId);
  }

  /** The card for a selection: an exact alias first, else the best fuzzy match, else null. */
  async lookUpText(query: string): Promise<CardData | null> {
    const exact = await this.store.knowledge.entriesByAlias(query);
    const id = exact[0]?.id ?? (await this.searcher()).searcher.bestEntry(query);
    return id ? this.store.knowledge.card(id) : null;
  }

  /** Results for the popup's search box: entries first, then passages, each with a marked snippet. */
  async search(text: string): Promise<SearchResult[]> {
    const { searcher, entries } = await this.searcher();
    const hits = searcher.search(text, MAX_RESULTS);
    const sources = await this.sources();
    // A result needs the entry and its label's source, not the whole card; a passage, its paragraph (all read
    // together).
    const paragraphs = new Map(
      (
        await this.store.knowledge.passages(
          hits.filter((h) => h.record.type === 'passage').map((h) => splitPassageRef(h.record.ref)),
        )
      ).map((p) => [passageRef(p.docId, p.n), p]),
    );
    const results: SearchResult[] = [];
    for (const hit of hits) {
      if (hit.record.type === 'entry') {
        const entry = entries.get(hit.record.ref);
        const source = entry?.label && sources.get(entry.label.docId);
        if (entry) {
          results.push({
            type: 'entry',
            id: entry.id,
            name: entry.name,
            kind: entry.kind,
            ...(entry.label && source
              ? { label: { ...entry.label, source }, snippet: snippet(entry.label.quote, text) }
              : {}),
          });
        }
      } else {
        const [docId, n] = splitPassageRef(hit.record.ref);
        const paragraph = paragraphs.get(hit.record.ref);
        const source = sources.get(docId);
        if (paragraph && source)
          results.push({ type: 'passage', docId, paragraph: n, source, snippet: snippet(paragraph.text, text) });
      }
    }
    return results;
  }

  /** An entry in full: its card, and where each document mentions it. */
  async entryDetail(entryId: string): Promise<EntryDetail | null> {
    const card = await this.card(entryId);
    if (!card) return null;
    const sources = await this.sources();
    const groups = new Map<string, MentionGroup>();
    for (const m of await this.store.knowledge.mentionsOf(card.id)) {
      const source = sources.get(m.docId);
      const paragraph = (await this.paragraphs(m.docId)).find((p) => p.n === m.paragraph);
      if (!source || !paragraph) continue;
      let group = groups.get(m.docId);
      if (!group) groups.set(m.docId, (group = { docId: m.docId, source, mentions: [] }));
      group.mentions.push({ paragraph: m.paragraph, text: m.text, snippet: snippet(paragraph.text, m.text, 140) });
    }
    const order = [...sources.keys()];
    return {
      card,
      mentionsByDocument: [...groups.values()].sort((a, b) => order.indexOf(a.docId) - order.indexOf(b.docId)),
    };
  }

  /** Every entry, by name. */
  entryIndex(): Promise<IndexedEntry[]> {
    return this.store.knowledge.entryIndex();
  }

  /** Name, kind and label of each entry asked about (the page summary); unknown ids are left out. */
  async briefs(ids: readonly string[]): Promise<EntryBrief[]> {
    const briefs: EntryBrief[] = [];
    for (const id of ids) {
      const card = await this.card(id);
      if (card) briefs.push({ id: card.id, name: card.name, kind: card.kind, label: card.label?.quote ?? null });
    }
    return briefs;
  }

  private sourcesOnce: Promise<Map<string, SourceInfo>> | null = null;
  private sources(): Promise<Map<string, SourceInfo>> {
    this.sourcesOnce ??= this.store.knowledge
      .documents()
      .then((docs) => new Map(docs.map((d) => [d.id, sourceInfo(d)])));
    return this.sourcesOnce;
  }

  private readonly paragraphCache = new Map<string, Promise<Paragraph[]>>();
  private paragraphs(docId: string): Promise<Paragraph[]> {
    let cached = this.paragraphCache.get(docId);
    if (!cached) this.paragraphCache.set(docId, (cached = this.store.knowledge.paragraphsOf(docId)));
    return cached;
  }

  /**
   * The matcher content scripts mark pages with, built here once and serialized, so that each frame
   * only reads it (lib/match/tables.ts): its sieve, which every frame reads its text with, and the
   * rest, which a frame asks for once its text may hold a term.
   */
  private pageTables(): Promise<{ sieve: SerializedSieve | null; matcher: PageMatcherData }> {
    const tables = (this.pageTablesOnce ??= this.store.knowledge
      .matcherData()
      .then(({ aliases, related, sides, topical }) => {
        const matcher = buildMatcher(aliases);
        return {
          sieve: matcher.sieve && serializeSieve(matcher.sieve),
          matcher: { matcher: serializeMatcher(matcher), related, sides, topical },
        };
      }));
    // A read that failed (the store busy with a pack's install, say) is not kept: the next frame reads again.
    tables.catch(() => {
      if (this.pageTablesOnce === tables) this.pageTablesOnce = null;
    });
    return tables;
  }

  async pageSieve(): Promise<SerializedSieve | null> {
    return (await this.pageTables()).sieve;
  }

  /** The common code units' folds, for every frame: the same for every page, so learnt once. */
  private unitsOnce: string | null = null;
  pageUnits(): string {
    this.unitsOnce ??= serializeUnits(sharedUnitEntries());
    return this.unitsOnce;
  }

  async pageMatcher(): Promise<PageMatcherData> {
    return (await this.pageTables()).matcher;
  }
}
