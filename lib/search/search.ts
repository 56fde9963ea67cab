/**
 * Fuzzy search over the prebuilt index: typo- and accent-tolerant, entries before passages.
 */
import Fuse, { type FuseResult } from 'fuse.js';
import type { SearchRecord } from '../corpus/types';
import { foldKey } from '../text/normalize';
import { entryRecords, SEARCH_KEYS, SEARCH_OPTIONS } from './records';

export interface SearchHit {
  record: SearchRecord;
  /** 0 is a perfect match, 1 no match at all. */
  score: number;
  matches: FuseResult<SearchRecord>['matches'];
}

/** How good a fuzzy match must be to open a card from a selection without asking. */
export const CONFIDENT_SCORE = 0.3;

/**
 * How an entry's names relate to the query, best first: an alias spelled exactly as the query; an
 * alias one of whose words starts with the query; anything else Fuse found. "xi" must rank Xi Jinping
 * above Marxism, in which Fuse also finds "xi".
 */
function entryTier(record: SearchRecord, folded: string): number {
  const names = [record.name, ...record.aliases];
  if (names.includes(folded)) return 0;
  if (names.some((n) => n.startsWith(folded) || n.includes(` ${folded}`))) return 1;
  return 2;
}

/** Where every word of the folded query begins a word of the folded text: how often they occur, or 0. */
function passageScore(text: string, words: readonly string[]): number {
  let total = 0;
  for (const word of words) {
    let count = 0;
    for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
      if (at === 0 || text[at - 1] === ' ' || !/[\p{L}\p{N}]/u.test(text[at - 1])) count++;
    }
    if (count === 0) return 0;
    total += count;
  }
  return total;
}

export class Searcher {
  private readonly fuse: Fuse<SearchRecord>;
  private readonly passages: SearchRecord[];

  /** `index` is the prebuilt Fuse index over the entry records (buildSearchIndex). */
  constructor(records: SearchRecord[], index?: unknown) {
    const entries = entryRecords(records);
    const parsed = index ? Fuse.parseIndex<SearchRecord>(index as Parameters<typeof Fuse.parseIndex>[0]) : Fuse.createIndex(SEARCH_KEYS, entries);
    this.fuse = new Fuse(entries, SEARCH_OPTIONS, parsed);
    this.passages = records.filter((r) => r.type === 'passage');
  }

  /** Entries first (fuzzy, best tier first), then passages that contain every word of the query. */
  search(query: string, limit = 20): SearchHit[] {
    const folded = foldKey(query);
    if (folded.length < 2) return [];
    const entries = this.fuse
      .search(folded, { limit })
      .map((r) => ({ record: r.item, score: r.score ?? 1, matches: r.matches }))
      .sort((a, b) => entryTier(a.record, folded) - entryTier(b.record, folded) || a.score - b.score);
    const words = folded.split(' ').filter((w) => w.length >= 2);
    const passages = words.length
      ? this.passages
          .map((record) => ({ record, hits: passageScore(record.text, words) }))
          .filter((p) => p.hits > 0)
          .sort((a, b) => b.hits - a.hits)
          .map((p): SearchHit => ({ record: p.record, score: 1 / (1 + p.hits), matches: undefined }))
      : [];
    return [...entries, ...passages].slice(0, limit);
  }

  /** The entry a selection most likely names, or null when nothing matches well enough. */
  bestEntry(query: string): string | null {
    const hit = this.search(query, 5).find((h) => h.record.type === 'entry');
    return hit && hit.score <= CONFIDENT_SCORE ? hit.record.ref : null;
  }
}
