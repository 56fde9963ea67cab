/**
 * A sieve in front of the matcher. Almost all text on a page holds no term, and for that text the
 * exact scan (fold into buffers, run the automaton, map offsets back) is wasted work. The sieve makes
 * one pass over the raw text instead — each code unit folded by one table read — and answers whether
 * the text may hold a term, and where an alias may begin in it. Only text it lets through is scanned
 * exactly, and there only around those places (aliasStarts).
 *
 * It reads the text as words: runs of folded word characters, where a letter of a script written
 * without spaces (Chinese, Thai) is a word of its own. An alias is known by its first word, or by its
 * first two words when it has more than one; the sieve keeps small hash tables of these and looks
 * each word of the text up as it ends (most are turned away by one bit), and each pair of adjacent
 * words after a word that begins an alias. Where an alias's case rule wants its first word to begin
 * with a capital, only a word that begins with one finds it: lower-case "trong" ("in") in
 * Vietnamese prose is turned away here, not by the exact scan.
 *
 * It must never turn away text the exact scan would match (tests/sieve.test.ts checks this on random
 * text). So it sees the text more coarsely than the matcher does, never more finely: any run of
 * non-word characters separates words (the matcher needs the alias's own punctuation), the rest of
 * an alias after its first two words is not looked at, and the rules for Vietnamese text are left
 * to the exact scan. Its tables are a few kilobytes of plain numbers, the same for every page: the
 * background builds them once and every frame reads them as they are (tables.ts).
 */
import type { AliasSpec } from './matcher';
import {
  codePointWidth,
  foldCodePoint,
  foldKey,
  isHighSurrogate,
  isUnspacedCode,
  isWordCode,
  learnUnit,
  UNIT_CAPITAL,
  UNIT_GAP,
  UNIT_IGNORED,
  UNIT_KIND_BITS,
  UNIT_KIND_MASK,
  UNIT_SEVERAL,
  UNIT_TABLE,
  UNIT_UNSPACED,
} from '../text/normalize';

export interface Sieve {
  /**
   * Words that begin an alias, by their hash, with what each is (the WORD_ flags): an open-addressing
   * hash table of [hash, flags] pairs; a slot with no flags is empty.
   */
  readonly words: Int32Array;
  /** Pairs of adjacent words that begin an alias of two words or more, by their hash: the same kind of table. */
  readonly pairs: Int32Array;
  /**
   * One bit per value of a word hash's top WORD_BITS_LOG2 bits, set for the words in `words` that
   * begin an alias in any case: most words of a page are turned away by this one bit, without a
   * look-up in the table.
   */
  readonly wordBits: Int32Array;
  /**
   * The same, set for every word in `words`: for a word that begins with a capital. Most aliases of
   * names want one, so common words in lower case ("trung", "cộng", "nam" in Vietnamese prose) are
   * turned away by their bit too.
   */
  readonly capitalBits: Int32Array;
}

/** Bits of a word hash that pick its bit: two tables of 2 KB, a few hundred first words in each. */
const WORD_BITS_LOG2 = 14;

/** The word is an alias of one word; or one whose first word begins with a capital, if it does. */
const WORD_IS_ALIAS = 1;
const WORD_IS_ALIAS_CAPITALISED = 2;
/** The word begins an alias of two words or more; or one whose first word begins with a capital, if it does. */
const WORD_BEGINS_PAIR = 4;
const WORD_BEGINS_PAIR_CAPITALISED = 8;
/** Flags of a pair: the same, for the pair's first word. */
const PAIR_ANY_CASE = 1;
const PAIR_CAPITALISED = 2;

// ── Hashes: FNV-1a over a word's folded units; a pair's mixed from its two words' ────────────────

/** FNV-1a's offset basis and prime, as int32: hashes stay small integers, never heap numbers. */
const WORD_SEED = 0x811c9dc5 | 0;
const WORD_PRIME = 0x01000193;

function pairHash(first: number, second: number): number {
  return Math.imul(first ^ 0x5bd1e995, 0x9e3779b1) ^ second;
}

/**
 * The slot a hash goes to first in a table of `slots` slots: the high bits of hash × golden ratio (Fibonacci hashing).
 */
function firstSlot(hash: number, slots: number): number {
  return Math.imul(hash, 0x9e3779b1) >>> (Math.clz32(slots) + 1);
}

/** The flags of `hash` in `table`, or 0 if it is not there. */
function flagsIn(table: Int32Array, hash: number): number {
  const slots = table.length >>> 1;
  for (let i = firstSlot(hash, slots); ; i = (i + 1) & (slots - 1)) {
    const flags = table[2 * i + 1];
    if (flags === 0 || table[2 * i] === hash) return flags;
  }
}

function hashTable(flags: ReadonlyMap<number, number>): Int32Array {
  let slots = 16;
  while (slots < flags.size * 4) slots *= 2; // at most a quarter full: probes stay short
  const table = new Int32Array(2 * slots);
  for (const [hash, value] of flags) {
    let i = firstSlot(hash, slots);
    while (table[2 * i + 1] !== 0) i = (i + 1) & (slots - 1);
    table[2 * i] = hash;
    table[2 * i + 1] = value;
  }
  return table;
}

/** Whether `word` after `first` (which began with a capital, or not) is the first two words of an alias. */
function isAliasPair(sieve: Sieve, first: number, firstCapital: boolean, word: number): boolean {
  const pair = flagsIn(sieve.pairs, pairHash(first, word));
  return (pair & PAIR_ANY_CASE) !== 0 || (firstCapital && (pair & PAIR_CAPITALISED) !== 0);
}

/** Whether a word of these flags (from `words`), capitalised or not, is an alias of one word. */
function isAliasWord(flags: number, capital: boolean): boolean {
  return (flags & WORD_IS_ALIAS) !== 0 || (capital && (flags & WORD_IS_ALIAS_CAPITALISED) !== 0);
}

/** Whether a word of these flags, capitalised or not, begins an alias of two words or more. */
function beginsAliasPair(flags: number, capital: boolean): boolean {
  return (flags & WORD_BEGINS_PAIR) !== 0 || (capital && (flags & WORD_BEGINS_PAIR_CAPITALISED) !== 0);
}

// ── Building ─────────────────────────────────────────────────────────────────────────────────────

/** The words of a folded text, each as its hash, the way the sieve reads them in a page. */
function wordHashes(folded: string): number[] {
  const hashes: number[] = [];
  let h = WORD_SEED;
  let inWord = false;
  for (let i = 0; i < folded.length; i++) {
    const code = folded.charCodeAt(i);
    if (!isWordCode(code) || isUnspacedCode(code)) {
      if (inWord) hashes.push(h);
      inWord = false;
      h = WORD_SEED;
      if (isWordCode(code)) hashes.push(Math.imul(WORD_SEED ^ code, WORD_PRIME));
      continue;
    }
    h = Math.imul(h ^ code, WORD_PRIME);
    inWord = true;
  }
  if (inWord) hashes.push(h);
  return hashes;
}

/**
 * Whether a hit of the alias must begin with a capital letter: its case rule asks for one, and its
 * first word begins with a capital (a "name" alias written "de Gaulle" does not ask it of "de").
 */
function wantsCapital(alias: AliasSpec): boolean {
  // A longer name that blocks is found in any case ("thành phố Hồ Chí Minh", the city): the scan
  // looks only where the sieve says an alias may begin (aliasStarts).
  if (alias.blocks) return false;
  if (alias.caseRule !== 'name' && alias.caseRule !== 'acronym') return false;
  // Only a letter, as the case rules read capitals: "Ⅻ" (a numeral) and "Ⓧ" (a symbol) have a
  // lower case, yet ask nothing of the page's spelling.
  const first = alias.text.trimStart().match(/^\p{L}/u)?.[0];
  return first !== undefined && first !== first.toLowerCase();
}

/**
 * The sieve of a glossary; null if an alias has no word to be known by (a symbol, an emoji): the exact
 * scan alone then reads every text.
 */
export function buildSieve(aliases: readonly AliasSpec[]): Sieve | null {
  const words = new Map<number, number>();
  const pairs = new Map<number, number>();
  const add = (table: Map<number, number>, hash: number, flag: number) =>
    table.set(hash, (table.get(hash) ?? 0) | flag);
  for (const alias of aliases) {
    const key = foldKey(alias.text);
    const hashes = wordHashes(key);
    if (hashes.length === 0) {
      if (key) return null;
      continue;
    }
    const capital = wantsCapital(alias);
    if (hashes.length === 1) add(words, hashes[0], capital ? WORD_IS_ALIAS_CAPITALISED : WORD_IS_ALIAS);
    else {
      add(words, hashes[0], capital ? WORD_BEGINS_PAIR_CAPITALISED : WORD_BEGINS_PAIR);
      add(pairs, pairHash(hashes[0], hashes[1]), capital ? PAIR_CAPITALISED : PAIR_ANY_CASE);
    }
  }
  const wordBits = new Int32Array(1 << (WORD_BITS_LOG2 - 5));
  const capitalBits = new Int32Array(1 << (WORD_BITS_LOG2 - 5));
  for (const [hash, flags] of words) {
    const bit = hash >>> (32 - WORD_BITS_LOG2);
    capitalBits[bit >>> 5] |= 1 << (bit & 31);
    if ((flags & (WORD_IS_ALIAS | WORD_BEGINS_PAIR)) !== 0) wordBits[bit >>> 5] |= 1 << (bit & 31);
  }
  return { words: hashTable(words), pairs: hashTable(pairs), wordBits, capitalBits };
}

// ── Reading ──────────────────────────────────────────────────────────────────────────────────────

/** Whether `text` may hold a term: false only if the exact scan would find none. */
export function mayHoldTerm(sieve: Sieve, text: string): boolean {
  return aliasStarts(sieve, text).length > 0;
}

/**
 * Where in `text` an alias may begin, in order: the offset of every word the sieve lets through (an
 * alias of one word, or the first word of an alias's first two). The exact scan reads only around
 * these (matcher.ts): most of a paragraph that names a term is other words.
 */
export function aliasStarts(sieve: Sieve, text: string): number[] {
  const reader = new SieveReader(sieve);
  reader.read(text);
  reader.mayHoldTerm();
  return reader.aliasStarts();
}

/**
 * The sieve over text that comes in pieces (the text nodes of one run): the same answers as
 * mayHoldTerm and aliasStarts on the pieces joined, without joining them.
 */
export class SieveReader {
  /** Where an alias may begin in the text read since begin(), as offsets in it. */
  private starts: number[] = [];
  /** The offset of the next piece in the text read since begin(). */
  private offset = 0;
  /** The word being read: its hash so far, and whether it began with a capital. */
  private inWord = false;
  private hash = WORD_SEED;
  private capital = false;
  /**
   * Where the word being read begins; between words, where the next will at the earliest (past the
   * last gap: an invisible character before a word may be counted in).
   */
  private wordAt = 0;
  /**
   * The word before, if it begins an alias of two words or more: its hash, whether it began with a
   * capital, and where it begins.
   */
  private pairStarted = false;
  private pairStart = 0;
  private pairStartCapital = false;
  private pairAt = 0;
  /** A high surrogate that ended the last piece: it is read with the low one that starts the next. */
  private pendingHigh = '';

  constructor(private readonly sieve: Sieve) {}

  /** Starts over, for a new run of text. */
  begin(): void {
    // A new list: the last one may have gone with the run it was read for.
    if (this.starts.length) this.starts = [];
    this.offset = 0;
    this.inWord = false;
    this.hash = WORD_SEED;
    this.wordAt = 0;
    this.pairStarted = false;
    this.pendingHigh = '';
  }

  /** Reads the next piece. */
  read(piece: string): void {
    let text = this.pendingHigh + piece;
    const base = this.offset - this.pendingHigh.length;
    this.offset += piece.length;
    this.pendingHigh = isHighSurrogate(text.charCodeAt(text.length - 1)) ? text.slice(-1) : '';
    if (this.pendingHigh) text = text.slice(0, -1);
    this.readUnits(text, base);
  }

  /** Whether the pieces read since begin() may hold a term. */
  mayHoldTerm(): boolean {
    if (this.pendingHigh) this.readUnits(this.pendingHigh, this.offset - 1);
    this.pendingHigh = '';
    if (this.inWord) {
      this.inWord = false;
      this.endWord(this.hash);
    }
    return this.starts.length > 0;
  }

  /** Where an alias may begin in the pieces read since begin(), in order (once mayHoldTerm has answered). */
  aliasStarts(): number[] {
    return this.starts;
  }

  /** Reads `text`, which begins at offset `base` of the text read since begin(). */
  private readUnits(text: string, base: number): void {
    const n = text.length;
    for (let i = this.readPlainUnits(text, 0, base); i < n; i = this.readPlainUnits(text, i, base)) {
      // The loop stopped at a unit it leaves to this one: the end of a word that may begin an alias,
      // a unit not seen yet, a letter of a script without spaces, a character folding to several
      // units or a surrogate pair.
      const code = text.charCodeAt(i);
      const entry = UNIT_TABLE[code];
      const kind = entry & UNIT_KIND_MASK;
      if (entry === 0)
        learnUnit(code); // the loop reads it now
      else if (kind === UNIT_GAP) {
        this.inWord = false;
        this.endWord(this.hash);
        this.hash = WORD_SEED;
        this.wordAt = base + i + 1;
        i++;
      } else if (kind === UNIT_SEVERAL || kind === UNIT_UNSPACED) {
        const width = kind === UNIT_SEVERAL ? codePointWidth(text, i) : 1;
        this.readFolded(
          kind === UNIT_SEVERAL
            ? foldCodePoint(text.slice(i, i + width))
            : String.fromCharCode(entry >>> UNIT_KIND_BITS),
          kind !== UNIT_UNSPACED,
          base + i,
          width,
        );
        i += width;
      }
    }
  }

  /**
   * The loop every unit of a page goes through: a table read and, in a word, a multiplication; at
   * the end of a word, one bit read. It calls nothing, so that it compiles to a tight loop, and
   * stops (returning where) at the first unit it cannot read alone.
   */
  private readPlainUnits(text: string, from: number, base: number): number {
    const { wordBits, capitalBits } = this.sieve;
    const table = UNIT_TABLE;
    const pairStarted = this.pairStarted;
    let inWord = this.inWord;
    let hash = this.hash;
    let capital = this.capital;
    // Where the word begins, as an offset in `text` (before it, if it began in an earlier piece).
    let wordAt = this.wordAt - base;
    let i = from;
    for (const n = text.length; i < n; i++) {
      const entry = table[text.charCodeAt(i)];
      const kind = entry & UNIT_KIND_MASK;
      // UNIT_WORD or UNIT_CAPITAL (they differ in the lowest bit only); whether the word began with a
      // capital is kept without a branch to mispredict.
      if ((kind | 1) === UNIT_CAPITAL) {
        capital = inWord ? capital : kind === UNIT_CAPITAL;
        inWord = true;
        hash = Math.imul(hash ^ (entry >>> UNIT_KIND_BITS), WORD_PRIME);
      } else if (kind === UNIT_GAP) {
        if (inWord) {
          const bit = hash >>> (32 - WORD_BITS_LOG2);
          // A word with its bit clear ends as endWord would end it: it begins nothing, in its case.
          if (pairStarted || ((capital ? capitalBits : wordBits)[bit >>> 5] & (1 << (bit & 31))) !== 0) break;
          inWord = false;
          hash = WORD_SEED;
        }
        wordAt = i + 1;
      } else if (kind !== UNIT_IGNORED) break;
    }
    this.inWord = inWord;
    this.hash = hash;
    this.capital = capital;
    this.wordAt = wordAt + base;
    return i;
  }

  /**
   * Reads folded units one by one (the slow path): those of the character at offset `at` (`width`
   * units long). `mayBeCapital`: whether a word they begin counts as beginning with a capital — for a
   * character folding to several units, assumed so, since the sieve may see too much but never too
   * little.
   */
  private readFolded(folded: string, mayBeCapital: boolean, at: number, width: number): void {
    for (let k = 0; k < folded.length; k++) {
      const unit = folded.charCodeAt(k);
      if (!isWordCode(unit) || isUnspacedCode(unit)) {
        if (this.inWord) {
          this.inWord = false;
          this.endWord(this.hash);
          this.hash = WORD_SEED;
        }
        // A letter of a script without spaces is a word of its own.
        if (isWordCode(unit)) {
          this.capital = false;
          this.wordAt = at;
          this.endWord(Math.imul(WORD_SEED ^ unit, WORD_PRIME));
        }
        // The next word begins past this character at the latest; within it, if more of it follows.
        this.wordAt = k + 1 < folded.length ? at : at + width;
        continue;
      }
      if (!this.inWord) {
        this.inWord = true;
        this.capital = mayBeCapital;
      }
      this.hash = Math.imul(this.hash ^ unit, WORD_PRIME);
    }
  }

  /** A word ended (`word`: its hash): notes where an alias may begin, if it or it with the word before begins one. */
  private endWord(word: number): void {
    if (this.pairStarted && isAliasPair(this.sieve, this.pairStart, this.pairStartCapital, word))
      this.starts.push(this.pairAt);
    const flags = flagsIn(this.sieve.words, word);
    const capital = this.capital;
    if (isAliasWord(flags, capital)) this.starts.push(this.wordAt);
    this.pairStarted = beginsAliasPair(flags, capital);
    this.pairStart = word;
    this.pairStartCapital = capital;
    this.pairAt = this.wordAt;
  }
}
