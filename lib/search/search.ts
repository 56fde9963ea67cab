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

/**
 * Above this many entries, a query is first looked for among the entries that have a name or alias word
 * beginning with the query's first letter (typos rarely hit the first letter), and only then among all:
 * with 10,000 entries a fuzzy pass over all of them took ~190 ms at p95 (BENCHMARKS.md).
 */
export const SHARD_ABOVE = 2000;

/** First letters of every word of a record's name and aliases. */
function initials(record: SearchRecord): Set<string> {
  const letters = new Set<string>();
  for (const name of [record.name, ...record.aliases]) for (const word of name.split(' ')) if (word) letters.add(word[0]);
  return letters;
}

/** Longest run of query words looked up as one name ("nguyen phu trong" is three). */
const MAX_NAME_WORDS = 6;
/** Shortest name, without its spaces, that a run of query words is taken to name ("cpv" yes, "an" no). */
const MIN_NAMED_LENGTH = 3;

/** A name without its spaces: "Xi Jinping", "xijinping" and "xi jin ping" name the same entry. */
const compact = (folded: string) => folded.replace(/ /g, '');

export class Searcher {
  private readonly fuse: Fuse<SearchRecord>;
  /** The entry records by each of their names without spaces. */
  private readonly byCompactName = new Map<string, SearchRecord[]>();
  private readonly passages: SearchRecord[];
  private readonly entries: SearchRecord[];
  /** Fuse over the entries with a word starting with a letter, built on first use (large stores only). */
  private readonly shards = new Map<string, Fuse<SearchRecord>>();

  /**
   * `index` is the prebuilt Fuse index over the entry records (buildSearchIndex); `extra` are records
   * of the reader's own documents and entries, added to that index at run time.
   */
  constructor(records: SearchRecord[], index?: unknown, extra: readonly SearchRecord[] = []) {
    const bundled = entryRecords(records);
    const parsed = index ? Fuse.parseIndex<SearchRecord>(index as Parameters<typeof Fuse.parseIndex>[0]) : Fuse.createIndex(SEARCH_KEYS, bundled);
    const added = entryRecords(extra);
    added.forEach((record, i) => parsed.add(record, bundled.length + i));
    this.entries = [...bundled, ...added];
    this.fuse = new Fuse(this.entries, SEARCH_OPTIONS, parsed);
    this.passages = [...records, ...extra].filter((r) => r.type === 'passage');
    for (const record of this.entries) {
      for (const key of new Set([record.name, ...record.aliases].map(compact))) {
        if (key.length < MIN_NAMED_LENGTH) continue;
        const named = this.byCompactName.get(key);
        if (named) named.push(record);
        else this.byCompactName.set(key, [record]);
      }
    }
  }

  /**
   * The entries a run of the query's words names, in any spelling the search folds away (accents,
   * case, spaces run together: "xijinping speech", "Đổi Mới policy"); longest name first.
   */
  private namedIn(folded: string): SearchHit[] {
    const words = folded.split(' ').filter(Boolean);
    const named = new Map<SearchRecord, number>();
    for (let from = 0; from < words.length; from++) {
      for (let to = from + 1; to <= Math.min(words.length, from + MAX_NAME_WORDS); to++) {
        const key = words.slice(from, to).join('');
        for (const record of this.byCompactName.get(key) ?? []) named.set(record, Math.max(named.get(record) ?? 0, key.length));
      }
    }
    return [...named].sort((a, b) => b[1] - a[1]).map(([record]) => ({ record, score: 0, matches: undefined }));
  }

  private fuzzyEntries(folded: string, limit: number): SearchHit[] {
    const run = (fuse: Fuse<SearchRecord>) =>
      fuse.search(folded, { limit }).map((r) => ({ record: r.item, score: r.score ?? 1, matches: r.matches }));
    if (this.entries.length <= SHARD_ABOVE) return run(this.fuse);
    const letter = folded[0];
    let shard = this.shards.get(letter);
    if (!shard) {
      const subset = this.entries.filter((r) => initials(r).has(letter));
      shard = new Fuse(subset, SEARCH_OPTIONS, Fuse.createIndex(SEARCH_KEYS, subset));
      this.shards.set(letter, shard);
    }
    const hits = run(shard);
    // Nothing good under that letter: the first letter itself may be the typo.
    return hits.length && hits[0].score <= CONFIDENT_SCORE ? hits : run(this.fuse);
  }

  /**
   * Entries first: those the query names (see namedIn), then the fuzzy matches, best tier first; then
   * passages that contain every word of the query.
   */
  search(query: string, limit = 20): SearchHit[] {
    const folded = foldKey(query);
    if (folded.length < 2) return [];
    const named = this.namedIn(folded);
    const fuzzy = this.fuzzyEntries(folded, limit)
      .filter((hit) => !named.some((n) => n.record === hit.record))
      .sort((a, b) => entryTier(a.record, folded) - entryTier(b.record, folded) || a.score - b.score);
    const entries = [...named, ...fuzzy];
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
