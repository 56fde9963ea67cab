/**
 * What the background answers, as plain functions over the store and the search index, so they are
 * tested without a browser. Every input is checked: a malformed message gets null, never a throw
 * that would surface in a page.
 */
import type { KnowledgeBundle } from './corpus/types';
import { cleanLookupText, isEntryId } from './messages';
import { Searcher } from './search/search';
import type { CardData, MatcherData } from './store/knowledge';
import { openStore, type OpenedStore, type StoreStatus } from './store/open';

export class GlossService {
  /** Every page load asks for this; it changes only with the store, so it is read once. */
  private matcherDataOnce: Promise<MatcherData> | null = null;

  private constructor(
    private readonly store: OpenedStore,
    private readonly searcher: Searcher,
  ) {}

  static async start(bundle: KnowledgeBundle, dexieOptions?: Parameters<typeof openStore>[1]): Promise<GlossService> {
    const store = await openStore(bundle, dexieOptions);
    return new GlossService(store, new Searcher(bundle.search.records, bundle.search.index));
  }

  get status(): StoreStatus {
    return this.store.status;
  }

  card(entryId: unknown): Promise<CardData | null> {
    return isEntryId(entryId) ? this.store.knowledge.card(entryId) : Promise.resolve(null);
  }

  /** The card for a selection: an exact alias first, else the best fuzzy match, else null. */
  async lookUpText(text: unknown): Promise<CardData | null> {
    const query = cleanLookupText(text);
    if (!query) return null;
    const exact = await this.store.knowledge.entriesByAlias(query);
    const id = exact[0]?.id ?? this.searcher.bestEntry(query);
    return id ? this.store.knowledge.card(id) : null;
  }

  matcherData(): Promise<MatcherData> {
    this.matcherDataOnce ??= this.store.knowledge.matcherData();
    return this.matcherDataOnce;
  }
}
