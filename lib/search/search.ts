/**
 * Fuzzy search over the prebuilt index: typo- and accent-tolerant, entries before passages.
 */
import Fuse, { type FuseResult } from 'fuse.js';
import type { SearchRecord } from '../corpus/types';
import { foldKey } from '../text/normalize';
import { SEARCH_KEYS, SEARCH_OPTIONS } from './records';

export interface SearchHit {
  record: SearchRecord;
  /** 0 is a perfect match, 1 no match at all. */
  score: number;
  matches: FuseResult<SearchRecord>['matches'];
}

/** How good a fuzzy match must be to open a card from a selection without asking. */
export const CONFIDENT_SCORE = 0.3;

export class Searcher {
  private readonly fuse: Fuse<SearchRecord>;

  constructor(records: SearchRecord[], index?: unknown) {
    const parsed = index ? Fuse.parseIndex<SearchRecord>(index as Parameters<typeof Fuse.parseIndex>[0]) : Fuse.createIndex(SEARCH_KEYS, records);
    this.fuse = new Fuse(records, SEARCH_OPTIONS, parsed);
  }

  search(query: string, limit = 20): SearchHit[] {
    const folded = foldKey(query);
    if (folded.length < 2) return [];
    return this.fuse
      .search(folded, { limit: limit * 2 })
      .map((r) => ({ record: r.item, score: r.score ?? 1, matches: r.matches }))
      .sort((a, b) => Number(a.record.type === 'passage') - Number(b.record.type === 'passage') || a.score - b.score)
      .slice(0, limit);
  }

  /** The entry a selection most likely names, or null when nothing matches well enough. */
  bestEntry(query: string): string | null {
    const hit = this.search(query, 5).find((h) => h.record.type === 'entry');
    return hit && hit.score <= CONFIDENT_SCORE ? hit.record.ref : null;
  }
}
