/**
 * A word index of the reader's documents: which paragraphs hold each folded word. When an entry is
 * added or deleted, only the paragraphs that hold a word of one of its aliases can change their
 * mentions, so only those are read and scanned again, not all of the reader's text.
 *
 * Words are cut from text folded as the matcher folds it (lib/text/normalize.ts): a word is a run of
 * word characters, and each letter of a script written without spaces (Chinese, Thai…) is a word of
 * its own. The matcher finds an alias only at word boundaries (or beside such letters), so every word
 * of an alias stands as a whole word wherever the alias is found: the index may offer a paragraph that
 * holds the word but not the alias (the scan then finds nothing), never miss one that holds it.
 *
 * A document's index is stored in buckets by a hash of the word, so a look-up reads one small row per
 * document and word instead of the whole index.
 */
import type { Paragraph } from '../corpus/types';
import type { TextIndexRow } from '../store/db';
import { foldUnits, isUnspacedCode, isWordCode } from '../text/normalize';

/** Buckets per document: a look-up reads about 1/64 of a document's index. */
const INDEX_BUCKETS = 64;

/** The words of `text`, folded, each once. */
export function wordsOf(text: string, into = new Set<string>()): Set<string> {
  const { units, length } = foldUnits(text);
  let start = -1;
  const end = (at: number) => {
    if (start >= 0) into.add(String.fromCharCode.apply(null, units.subarray(start, at) as unknown as number[]));
    start = -1;
  };
  for (let i = 0; i < length; i++) {
    const code = units[i];
    if (!isWordCode(code)) end(i);
    else if (isUnspacedCode(code)) {
      end(i);
      into.add(String.fromCharCode(code));
    } else if (start < 0) start = i;
  }
  end(length);
  return into;
}

/** The word an alias is looked up by: its longest, which stands in the fewest paragraphs. */
export function lookUpWord(alias: string): string | null {
  let best: string | null = null;
  for (const word of wordsOf(alias)) if (!best || word.length > best.length) best = word;
  return best;
}

/** FNV-1a over the word's code units. */
export function bucketOf(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % INDEX_BUCKETS;
}

/** A document's index, as the rows the store keeps (empty buckets left out). */
export function indexRows(docId: string, paragraphs: readonly Paragraph[]): TextIndexRow[] {
  const byBucket = Array.from({ length: INDEX_BUCKETS }, () => new Map<string, number[]>());
  const words = new Set<string>();
  for (const p of paragraphs) {
    words.clear();
    for (const word of wordsOf(p.text, words)) {
      const bucket = byBucket[bucketOf(word)];
      const list = bucket.get(word);
      if (list) list.push(p.n);
      else bucket.set(word, [p.n]);
    }
  }
  const rows: TextIndexRow[] = [];
  byBucket.forEach((bucket, b) => {
    if (bucket.size === 0) return;
    const terms = [...bucket.keys()];
    const starts = new Uint32Array(terms.length + 1);
    let total = 0;
    terms.forEach((term, i) => {
      starts[i] = total;
      total += bucket.get(term)!.length;
    });
    starts[terms.length] = total;
    const numbers = new Uint32Array(total);
    terms.forEach((term, i) => numbers.set(bucket.get(term)!, starts[i]));
    rows.push({ docId, bucket: b, terms, starts, paragraphs: numbers });
  });
  return rows;
}

/** The paragraphs of one document's index rows that hold any of `words`. */
export function paragraphsHolding(rows: readonly TextIndexRow[], words: Iterable<string>): Set<number> {
  const found = new Set<number>();
  for (const word of words) {
    for (const row of rows) {
      if (row.bucket !== bucketOf(word)) continue;
      const i = row.terms.indexOf(word);
      if (i >= 0) for (const n of row.paragraphs.subarray(row.starts[i], row.starts[i + 1])) found.add(n);
    }
  }
  return found;
}
