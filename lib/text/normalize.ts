/**
 * The one text normalizer of Gloss. The corpus compiler and the content script both fold text through
 * it, so what the build counts as a mention is exactly what a reader sees marked.
 *
 * Folding: lower case; diacritics removed (NFD, combining marks dropped, đ → d); curly quotes made
 * straight; hyphens, dashes and every kind of white space become one space; invisible format
 * characters (soft hyphen, zero-width space/joiner) disappear. Each folded character remembers where
 * it came from, so a match in folded text maps back to an exact range of the original.
 */
import { onFirstUse } from '../on-first-use';

export interface FoldedText {
  /** The folded text. */
  text: string;
  /**
   * `sourceIndex[i]` is the offset in the original string of the character that produced folded
   * character `i`; `sourceIndex[text.length]` is the original length. A folded range [s, e) maps back
   * to the original range [sourceIndex[s], sourceIndex[e]), which includes any marks dropped after
   * the last folded character.
   */
  sourceIndex: Uint32Array;
}

const SPACE = ' ';

/** Characters that stand for a word gap: every Unicode space, plus hyphens and dashes. */
const gap = onFirstUse(
  () =>
    /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\u2010-\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d_-]/u,
);
/** Invisible characters that should not split or join words: soft hyphen, ZWSP, ZWNJ, ZWJ, BOM, word joiner. */
const invisible = onFirstUse(() => /[\u00ad\u200b-\u200d\u2060\ufeff]/u);
const combiningMark = onFirstUse(() => /\p{M}/u);

const QUOTES: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u02bc': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u00ab': '"',
  '\u00bb': '"',
};

/**
 * The fold of each ASCII code unit, which is always one unit: letters lower-cased, the gap characters
 * (the white space \s finds in ASCII, hyphen, underscore: the ASCII of `gap`) a space, everything else
 * itself. Spelt out rather than found with `gap`, so that loading this module compiles no regular
 * expression: every frame of every page loads it.
 */
const ASCII_GAPS = '\t\n\v\f\r -_';
const ASCII_FOLD: Uint8Array = (() => {
  const table = new Uint8Array(0x80);
  for (let code = 0; code < 0x80; code++) table[code] = code >= 0x41 && code <= 0x5a ? code + 32 : code;
  for (let i = 0; i < ASCII_GAPS.length; i++) table[ASCII_GAPS.charCodeAt(i)] = 0x20;
  return table;
})();

// ── Code units, folded one at a time ─────────────────────────────────────────────────────────────
// The loops that read a page's text (the fold below, the sieve) look each code unit up in one table:
// what it folds to, and what kind of unit that makes it. Entries are learnt on first sight, so a
// Vietnamese letter costs what an ASCII letter costs, one table read, after its first appearance.

/** Not looked up yet. */
export const UNIT_UNKNOWN = 0;
/** Folds to nothing: soft hyphen, zero-width characters, combining marks. */
export const UNIT_IGNORED = 1;
/** Folds to several units, or is half of a surrogate pair (folded with its partner): fold the code point. */
export const UNIT_SEVERAL = 2;
/** Folds to one unit that is not a word character: white space (folded to a space), punctuation. */
export const UNIT_GAP = 3;
/** Folds to one word character and is not a capital letter (a small letter, a digit, an uncased letter). */
export const UNIT_WORD = 4;
/** Folds to one word character and is a capital letter. UNIT_WORD | 1: the sieve tests for both at once. */
export const UNIT_CAPITAL = 5;
/** Folds to one letter of a script written without spaces: a word of its own. */
export const UNIT_UNSPACED = 6;
/** An entry of UNIT_TABLE is (folded unit << UNIT_KIND_BITS) | kind. */
export const UNIT_KIND_BITS = 3;
export const UNIT_KIND_MASK = 7;

/** Every UTF-16 code unit's entry, UNIT_UNKNOWN until learnt (see learnUnit). */
export const UNIT_TABLE = new Int32Array(0x10000);
for (let code = 0; code < 0x80; code++) {
  const folded = ASCII_FOLD[code];
  const kind = !isWordCode(folded) ? UNIT_GAP : folded !== code ? UNIT_CAPITAL : UNIT_WORD;
  UNIT_TABLE[code] = (folded << UNIT_KIND_BITS) | kind;
}

/**
 * The code units whose entries the background learns once and sends every frame, so that reading a
 * page does not start by compiling the regular expressions of the slow way (those for \p{L}, Han
 * and the like are large): Latin letters with diacritics (Vietnamese ones among them), combining
 * marks, general punctuation, CJK punctuation and full-width forms.
 */
export const SHARED_UNIT_RANGES: readonly (readonly [from: number, to: number])[] = [
  [0x80, 0x250],
  [0x300, 0x370],
  [0x1e00, 0x1f00],
  [0x2000, 0x2070],
  [0x3000, 0x3040],
  [0xff00, 0xff70],
];

/** The entries of SHARED_UNIT_RANGES, in order, learnt here. */
export function sharedUnitEntries(): Int32Array {
  const entries: number[] = [];
  for (const [from, to] of SHARED_UNIT_RANGES)
    for (let code = from; code < to; code++) entries.push(UNIT_TABLE[code] || learnUnit(code));
  return Int32Array.from(entries);
}

/**
 * Takes the entries of SHARED_UNIT_RANGES learnt elsewhere (sharedUnitEntries); false if they do not fit the ranges.
 */
export function learnSharedUnits(entries: Int32Array): boolean {
  if (entries.length !== SHARED_UNIT_RANGES.reduce((sum, [from, to]) => sum + to - from, 0)) return false;
  // One copy per range: every frame does this, before any code of its own has warmed up.
  let i = 0;
  for (const [from, to] of SHARED_UNIT_RANGES) {
    UNIT_TABLE.set(entries.subarray(i, i + to - from), from);
    i += to - from;
  }
  return true;
}

/** Looks a code unit up the slow way and remembers it: its UNIT_TABLE entry. */
export function learnUnit(code: number): number {
  let entry = UNIT_SEVERAL;
  if (code < 0xd800 || code > 0xdfff) {
    const ch = String.fromCharCode(code);
    const folded = foldCodePoint(ch);
    if (folded.length === 0) entry = UNIT_IGNORED;
    else if (folded.length === 1) {
      const unit = folded.charCodeAt(0);
      const kind = !isWordCode(unit)
        ? UNIT_GAP
        : isUnspacedCode(unit)
          ? UNIT_UNSPACED
          : ch !== ch.toLowerCase()
            ? UNIT_CAPITAL
            : UNIT_WORD;
      entry = (unit << UNIT_KIND_BITS) | kind;
    }
  }
  UNIT_TABLE[code] = entry;
  return entry;
}

/** Folds of non-ASCII characters, computed once each. */
const foldCache = new Map<string, string>();

/** Folds one code point (given as a string of one or two UTF-16 units) to zero or more characters. */
export function foldCodePoint(ch: string): string {
  let folded = foldCache.get(ch);
  if (folded !== undefined) return folded;
  if (invisible().test(ch)) folded = '';
  else if (gap().test(ch)) folded = SPACE;
  else if (QUOTES[ch]) folded = QUOTES[ch];
  else {
    folded = '';
    // Lower-case before decomposing: "İ".toLowerCase() is "i̇", whose dot is then dropped as a mark.
    for (const part of ch.toLowerCase().normalize('NFD')) {
      if (combiningMark().test(part)) continue;
      folded += part === 'đ' ? 'd' : part === 'ł' ? 'l' : part === 'ø' ? 'o' : part;
    }
  }
  foldCache.set(ch, folded);
  return folded;
}

/**
 * Folds `input`. White space is collapsed: a run of gaps becomes one space, so "Doi -  Moi" and
 * "Doi Moi" fold alike. Leading and trailing gaps are kept as one space each, which keeps the
 * positions of concatenated text nodes easy to reason about.
 */
export function fold(input: string): FoldedText {
  const { units, sourceIndex, length } = foldUnits(input);
  return { text: decodeUnits(units.subarray(0, length)), sourceIndex: sourceIndex.slice(0, length + 1) };
}

/** Buffers reused by foldUnits and FoldCursor, grown as needed. */
let sharedUnits = new Uint16Array(1024);
let sharedIndex = new Uint32Array(1024);

/**
 * Folded text as UTF-16 code units, without allocating per call: `units` and `sourceIndex` are shared
 * buffers that the next call overwrites. The page scanner folds every run of text on a page and reads
 * each result at once; anything kept must come from `fold`, which copies.
 */
export interface FoldedUnits {
  units: Uint16Array;
  sourceIndex: Uint32Array;
  length: number;
}

export function foldUnits(input: string): FoldedUnits {
  // Folding rarely lengthens text: buffers of the input's length are grown only if it does.
  if (sharedUnits.length < input.length + 1) {
    sharedUnits = new Uint16Array(2 * input.length + 2);
    sharedIndex = new Uint32Array(2 * input.length + 2);
  }
  const cursor = new FoldCursor(input);
  cursor.reach(Infinity);
  return cursor;
}

/**
 * Folds `input` a stretch at a time, from any offset on, into the shared buffers (FoldedUnits): the
 * exact scan folds only around the words where the sieve says an alias may begin. Folded from a
 * word's first unit on, a stretch is what folding the whole text gives from there. After each call,
 * `sourceIndex[length]` is the offset of the next unit to fold.
 */
export class FoldCursor implements FoldedUnits {
  units = sharedUnits;
  sourceIndex = sharedIndex;
  length = 0;
  /** The offset in `input` of the next unit to fold. */
  private next = 0;
  private lastWasSpace = false;

  constructor(private readonly input: string) {
    this.sourceIndex[0] = 0;
  }

  /** Starts over at offset `from` of the input, with nothing folded. */
  restart(from: number): void {
    this.length = 0;
    this.next = from;
    this.lastWasSpace = false;
    this.sourceIndex[0] = from;
  }

  /** Folds on until more than `count` units are folded or the input ends: false if it ends first. */
  reach(count: number): boolean {
    const input = this.input;
    const n = input.length;
    let { units, sourceIndex, length, lastWasSpace } = this;
    let i = this.next;
    while (length <= count && i < n) {
      const code = input.charCodeAt(i);
      const entry = UNIT_TABLE[code] || learnUnit(code);
      const kind = entry & UNIT_KIND_MASK;
      if (kind === UNIT_IGNORED) {
        i++;
        continue;
      }
      if (kind !== UNIT_SEVERAL) {
        // One code unit folding to one: a table read.
        const folded = entry >>> UNIT_KIND_BITS;
        if (folded !== 0x20 || !lastWasSpace) {
          if (length + 1 >= units.length) [units, sourceIndex] = shareGrown(units, sourceIndex);
          units[length] = folded;
          sourceIndex[length++] = i;
        }
        lastWasSpace = folded === 0x20;
        i++;
        continue;
      }
      const width = codePointWidth(input, i);
      const folded = foldCodePoint(input.slice(i, i + width));
      const isSpace = folded === SPACE;
      if (!(isSpace && lastWasSpace)) {
        for (let k = 0; k < folded.length; k++) {
          if (length + 1 >= units.length) [units, sourceIndex] = shareGrown(units, sourceIndex);
          units[length] = folded.charCodeAt(k);
          sourceIndex[length++] = i;
        }
      }
      if (folded.length > 0) lastWasSpace = isSpace;
      i += width;
    }
    sourceIndex[length] = i;
    this.units = units;
    this.sourceIndex = sourceIndex;
    this.length = length;
    this.lastWasSpace = lastWasSpace;
    this.next = i;
    return length > count;
  }
}

/**
 * Makes the shared buffers twice as large as `units` and `sourceIndex`, holding what they held, and
 * returns them. (A function of its own, not a closure in FoldCursor.reach: variables a closure
 * assigns live on the heap, and reach's loop reads its buffers at every unit.)
 */
function shareGrown(
  units: Uint16Array,
  sourceIndex: Uint32Array,
): [Uint16Array<ArrayBuffer>, Uint32Array<ArrayBuffer>] {
  sharedUnits = new Uint16Array(units.length * 2 + 2);
  sharedUnits.set(units);
  sharedIndex = new Uint32Array(sourceIndex.length * 2 + 2);
  sharedIndex.set(sourceIndex);
  return [sharedUnits, sharedIndex];
}

/**
 * How many UTF-16 units the code point at `i` takes: two for a high surrogate followed by a low one,
 * one for anything else (a lone surrogate stands alone, and does not swallow the unit after it).
 */
export function codePointWidth(text: string, i: number): 1 | 2 {
  if (!isHighSurrogate(text.charCodeAt(i))) return 1;
  const next = text.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

/** The first half of a surrogate pair (NaN, past the end of a string, is not). */
export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Turns UTF-16 code units into a string without one call per character. */
function decodeUnits(units: Uint16Array): string {
  const CHUNK = 8192;
  let text = '';
  for (let i = 0; i < units.length; i += CHUNK) {
    text += String.fromCharCode.apply(null, units.subarray(i, i + CHUNK) as unknown as number[]);
  }
  return text;
}

/** Folds text where offsets are not needed (aliases, queries, quotes). */
export function foldKey(input: string): string {
  return fold(input).text.trim();
}

/** A letter of any script: one compiled copy for every module that tells letters apart. */
export const letterPattern = onFirstUse(() => /\p{L}/u);

/**
 * True for characters that can be part of a word in folded text (letters, digits, marks).
 * Used for word boundaries: "trong" must not match inside "strong".
 */
const wordChar = onFirstUse(() => /[\p{L}\p{N}\p{M}]/u);
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && isWordCode(ch.charCodeAt(0));
}

/** Scripts written without spaces between words. */
const unspaced = onFirstUse(
  () =>
    /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u,
);

/**
 * What each non-ASCII code unit is, learnt on first sight: a regular expression answers once per unit
 * and question, a table read thereafter (the rules around a hit ask of every letter of the words
 * beside it). Each question is learnt apart, so that a page that never asks one never compiles its
 * expression (those for scripts are large).
 */
const WORD_KNOWN = 1;
const WORD = 2;
const UNSPACED_KNOWN = 4;
const UNSPACED_LETTER = 8;
const CODE_CLASSES = new Uint8Array(0x10000);

/** The bit `yes` of a code unit's class, learnt with `test` (its bit `known` says whether it was). */
function codeClass(code: number, known: number, yes: number, test: () => RegExp): boolean {
  let bits = CODE_CLASSES[code];
  if ((bits & known) === 0) {
    bits |= known | (test().test(String.fromCharCode(code)) ? yes : 0);
    CODE_CLASSES[code] = bits;
  }
  return (bits & yes) !== 0;
}

/**
 * Whether a code unit is a letter of a script written without spaces between words (Chinese,
 * Japanese kana, Thai, Lao, Khmer, Myanmar). A term that begins or ends with one needs no word
 * boundary on that side: "习近平说" holds "习近平".
 */
export function isUnspacedCode(code: number): boolean {
  if (code < 0x0e00 || code > 0xffff) return false;
  const kind = UNIT_TABLE[code] & UNIT_KIND_MASK;
  // A unit whose fold is known and is a word character answers from its entry (see unitKnownAsWord).
  if (kind === UNIT_UNSPACED) return true;
  if (kind === UNIT_WORD || kind === UNIT_CAPITAL) return false;
  return codeClass(code, UNSPACED_KNOWN, UNSPACED_LETTER, unspaced);
}

/**
 * Whether a unit whose UNIT_TABLE entry is known (its kind a gap, a word or an unspaced letter) is a
 * word character, from that entry: a unit folds to a word character exactly when it is one, but for
 * U+02BC (ʼ, a letter that folds to an apostrophe). Reading a Vietnamese page thus compiles neither
 * this question's regular expression nor that of isUnspacedCode, whose scripts are large; a unit
 * not folded yet is asked the slow way. tests/normalize.test.ts checks every code unit.
 */
function unitKnownAsWord(code: number, kind: number): boolean {
  return kind !== UNIT_GAP || code === MODIFIER_LETTER_APOSTROPHE;
}
const MODIFIER_LETTER_APOSTROPHE = 0x02bc;

/** isWordChar for one UTF-16 code unit (-1 for "no character"); a lone surrogate half is not a word character. */
export function isWordCode(code: number): boolean {
  if (code < 0) return false;
  if (code < 0x80) {
    return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a);
  }
  if (code > 0xffff) return false;
  const kind = UNIT_TABLE[code] & UNIT_KIND_MASK;
  if (kind >= UNIT_GAP) return unitKnownAsWord(code, kind);
  return codeClass(code, WORD_KNOWN, WORD, wordChar);
}
