/**
 * Fuzzy search over entries and passages: typo- and accent-tolerant, entries before passages.
 */
import Fuse, { type FuseResult } from 'fuse.js';
import type { SearchRecord } from '../corpus/types';
import { foldKey } from '../text/normalize';
import { entryRecords, SEARCH_KEYS, SEARCH_OPTIONS } from './records';

interface SearchHit {
  record: SearchRecord;
  /** 0 is a perfect match, 1 no match at all. */
  score: number;
  matches: FuseResult<SearchRecord>['matches'];
}

/** How good a fuzzy match must be to open a card from a selection without asking. */
const CONFIDENT_SCORE = 0.3;

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
 * Above this many entries, a query is looked for only among the entries that have a name or alias word
 * beginning with the first letter of its first word, and if nothing good is there, of its other words
 * (a typo rarely hits the first letter of every word: "boi moi" still finds Doi Moi by "moi"). A fuzzy
 * pass over all of them took ~190 ms at p95 with 10,000 entries; and with a pack of 5,000 entries
 * beside the bundled one, a query that names no entry ("dry season canal", a passage's words) made
 * that pass on every keystroke (BENCHMARKS.md).
 */
export const SHARD_ABOVE = 2000;

/** First letters of every word of a record's name and aliases. */
function initials(record: SearchRecord): Set<string> {
  const letters = new Set<string>();
  for (const name of [record.name, ...record.aliases])
    for (const word of name.split(' ')) if (word) letters.add(word[0]);
  return letters;
}

/** Longest run of query words looked up as one name ("nguyen phu trong" is three). */
const MAX_NAME_WORDS = 6;
/** Shortest name, without its spaces, that a run of query words is taken to name ("cpv" yes, "an" no). */
const MIN_NAMED_LENGTH = 3;

/** A name without its spaces: "Xi Jinping", "xijinping" and "xi jin ping" name the same entry. */
const compact = (folded: string) => folded.replace(/ /g, '');

/** The best hit of each record, best first. */
function bestOfEach(hits: readonly SearchHit[]): SearchHit[] {
  const best = new Map<string, SearchHit>();
  for (const hit of hits) {
    const seen = best.get(hit.record.ref);
    if (!seen || hit.score < seen.score) best.set(hit.record.ref, hit);
  }
  return [...best.values()].sort((a, b) => a.score - b.score);
}

const fuseOver = (records: readonly SearchRecord[]) =>
  new Fuse(records, SEARCH_OPTIONS, Fuse.createIndex(SEARCH_KEYS, records));

export class Searcher {
  /** The entry records by each of their names without spaces. */
  private readonly byCompactName = new Map<string, SearchRecord[]>();
  private readonly passages: SearchRecord[];
  /** Fuse over every entry, in a small store; in a large one, a Fuse for each first letter (`shards`). */
  private readonly all: Fuse<SearchRecord> | null;
  /**
   * Fuse over the entries with a word starting with a letter, all built with the searcher (once per
   * change to the store), so that no letter's first keystroke pays for building one.
   */
  private readonly shards = new Map<string, Fuse<SearchRecord>>();

  /** Entry records go to Fuse; passage records are matched word by word. */
  constructor(records: readonly SearchRecord[]) {
    const entries = entryRecords(records);
    this.passages = records.filter((r) => r.type === 'passage');
    for (const record of entries) {
      for (const key of new Set([record.name, ...record.aliases].map(compact))) {
        if (key.length < MIN_NAMED_LENGTH) continue;
        const named = this.byCompactName.get(key);
        if (named) named.push(record);
        else this.byCompactName.set(key, [record]);
      }
    }
    this.all = entries.length <= SHARD_ABOVE ? fuseOver(entries) : null;
    if (this.all) return;
    const byLetter = new Map<string, SearchRecord[]>();
    for (const record of entries) {
      for (const letter of initials(record)) {
        const list = byLetter.get(letter);
        if (list) list.push(record);
        else byLetter.set(letter, [record]);
      }
    }
    for (const [letter, list] of byLetter) this.shards.set(letter, fuseOver(list));
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
        for (const record of this.byCompactName.get(key) ?? [])
          named.set(record, Math.max(named.get(record) ?? 0, key.length));
      }
    }
    return [...named].sort((a, b) => b[1] - a[1]).map(([record]) => ({ record, score: 0, matches: undefined }));
  }

  private fuzzyEntries(folded: string, limit: number): SearchHit[] {
    const run = (fuse: Fuse<SearchRecord> | undefined) =>
      fuse?.search(folded, { limit }).map((r) => ({ record: r.item, score: r.score ?? 1, matches: r.matches })) ?? [];
    if (this.all) return run(this.all);
    // The first word's letter first; the other words' only if that finds nothing good. Fuse scores a
    // record against the query alone, so hits from several shards compare as one pass's would.
    const [first, ...others] = new Set(
      folded
        .split(' ')
        .filter(Boolean)
        .map((word) => word[0]),
    );
    const hits = run(this.shards.get(first));
    if (hits.length && hits[0].score <= CONFIDENT_SCORE) return hits;
    return bestOfEach([...hits, ...others.flatMap((letter) => run(this.shards.get(letter)))]).slice(0, limit);
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
    const passages: { record: SearchRecord; hits: number }[] = [];
    if (words.length) {
      for (const record of this.passages) {
        const hits = passageScore(record.text, words);
        if (hits > 0) passages.push({ record, hits });
      }
    }
    passages.sort((a, b) => b.hits - a.hits);
    return [
      ...entries,
      ...passages
        .slice(0, limit)
        .map((p): SearchHit => ({ record: p.record, score: 1 / (1 + p.hits), matches: undefined })),
    ].slice(0, limit);
  }

  /** The entry a selection most likely names, or null when nothing matches well enough. */
  bestEntry(query: string): string | null {
    const hit = this.search(query, 5).find((h) => h.record.type === 'entry');
    return hit && hit.score <= CONFIDENT_SCORE ? hit.record.ref : null;
  }
}
