/**
 * A sieve in front of the matcher. Almost all text on a page holds no term, and for that text the
 * exact scan (fold into buffers, run the automaton, map offsets back) is wasted work. The sieve makes
 * one pass over the raw text instead — each code unit folded by a table read, one step of a DFA — and
 * answers whether the text may hold a term. Only text it lets through is scanned exactly.
 *
 * It must never turn away text the exact scan would match (tests/sieve.test.ts checks this on random
 * text). So it sees the text more coarsely than the matcher does, never more finely:
 * - every folded character is reduced to a class: one per word character that occurs in some alias,
 *   OTHER for any other word character, and GAP for every non-word character (space, punctuation);
 * - runs of GAP count as one, the way folding collapses runs of white space;
 * - each alias is reduced the same way and framed by GAP on both sides, which is the matcher's
 *   word-boundary rule ("trong" must not match inside "strong"); the start and end of the text count
 *   as GAP. A side where the alias ends in a letter of a script written without spaces (Chinese,
 *   Thai) has no boundary rule, and no frame.
 * Case rules and the rules for Vietnamese text are left to the exact scan.
 */
import { ASCII_FOLD, codePointWidth, foldCodePoint, isHighSurrogate, isUnspacedCode, isWordCode } from '../text/normalize';

/** A non-word character, or the edge of the text. */
const GAP = 0;
/** A word character that occurs in no alias. */
const OTHER = 1;
/** Table entries that are not classes: not looked up yet, folds to nothing, folds to several units. */
const UNKNOWN = 0xffff;
const IGNORED = 0xfffe;
const SEVERAL = 0xfffd;

/** Largest DFA built, in entries (4 bytes each): 16 MB. Past it the exact scan runs alone. */
const MAX_TABLE_ENTRIES = 4 * 1024 * 1024;

export interface Sieve {
  /** Class of each folded code unit that is a word character of some alias. */
  readonly aliasChars: ReadonlyMap<number, number>;
  /** Class of each raw UTF-16 code unit, filled in as units are met (UNKNOWN until then). */
  readonly unitClass: Uint16Array;
  readonly classCount: number;
  /**
   * The DFA, failure links already followed, indexed by row + class where a state's row is
   * state * classCount. Each entry is the next state's row, or ACCEPT where an alias ends: the
   * loop then needs no multiplication and no second look-up per character.
   */
  readonly next: Int32Array;
  /** The row of the state after the edge of the text. */
  readonly start: number;
}

/** The entry for a step on which some alias ends. */
const ACCEPT = -1;

/** The sieve for folded alias texts, or null when its table would be too large. */
export function buildSieve(patterns: readonly string[]): Sieve | null {
  const aliasChars = new Map<number, number>();
  const classesOf = (pattern: string): number[] => {
    const classes = isUnspacedCode(pattern.charCodeAt(0)) ? [] : [GAP];
    for (let i = 0; i < pattern.length; i++) {
      const code = pattern.charCodeAt(i);
      let cls = GAP;
      if (isWordCode(code)) {
        cls = aliasChars.get(code) ?? 2 + aliasChars.size;
        aliasChars.set(code, cls);
      }
      if (cls !== GAP || classes[classes.length - 1] !== GAP) classes.push(cls);
    }
    if (classes[classes.length - 1] !== GAP && !isUnspacedCode(pattern.charCodeAt(pattern.length - 1))) classes.push(GAP);
    return classes;
  };

  // A trie over class strings, then Aho–Corasick failure links, breadth first.
  const children: Map<number, number>[] = [new Map()];
  const lastClass: number[] = [-1];
  const ends: boolean[] = [false];
  for (const pattern of patterns) {
    let node = 0;
    for (const cls of classesOf(pattern)) {
      let child = children[node].get(cls);
      if (child === undefined) {
        child = children.length;
        children.push(new Map());
        lastClass.push(cls);
        ends.push(false);
        children[node].set(cls, child);
      }
      node = child;
    }
    ends[node] = true;
  }
  const classCount = 2 + aliasChars.size;
  if (children.length * classCount > MAX_TABLE_ENTRIES) return null;

  // States first, as state numbers; turned into rows (and ACCEPT) at the end.
  const next = new Int32Array(children.length * classCount);
  const fail = new Int32Array(children.length);
  const accepting = Uint8Array.from(ends, (end) => (end ? 1 : 0));
  const order = [0];
  for (let q = 0; q < order.length; q++) {
    const node = order[q];
    const row = node * classCount;
    const failRow = fail[node] * classCount;
    // Where the node has no child, it goes where its failure state goes (the root's row stays 0).
    if (node !== 0) next.copyWithin(row, failRow, failRow + classCount);
    for (const [cls, child] of children[node]) {
      // A child's failure state is where its parent's failure state goes on the same class.
      fail[child] = node === 0 ? 0 : next[failRow + cls];
      next[row + cls] = child;
      if (accepting[fail[child]]) accepting[child] = 1;
      order.push(child);
    }
  }
  for (let node = 0; node < children.length; node++) {
    const row = node * classCount;
    // Folding collapses a run of gaps into one: a state just after a gap stays put on another.
    if (lastClass[node] === GAP) next[row + GAP] = node;
    for (let cls = 0; cls < classCount; cls++) {
      const target = next[row + cls];
      next[row + cls] = accepting[target] ? ACCEPT : target * classCount;
    }
  }

  const unitClass = new Uint16Array(0x10000).fill(UNKNOWN);
  const sieve: Sieve = { aliasChars, unitClass, classCount, next, start: next[GAP] };
  for (let code = 0; code < 0x80; code++) unitClass[code] = classOfFolded(sieve, ASCII_FOLD[code]);
  return sieve;
}

function classOfFolded(sieve: Sieve, code: number): number {
  return sieve.aliasChars.get(code) ?? (isWordCode(code) ? OTHER : GAP);
}

/** The class of a raw code unit that is not part of a surrogate pair, learnt on first sight. */
function learnUnit(sieve: Sieve, code: number): number {
  let cls: number;
  if (code >= 0xd800 && code <= 0xdfff) cls = SEVERAL; // a surrogate is folded with its partner
  else {
    const folded = foldCodePoint(String.fromCharCode(code));
    cls = folded.length === 0 ? IGNORED : folded.length === 1 ? classOfFolded(sieve, folded.charCodeAt(0)) : SEVERAL;
  }
  sieve.unitClass[code] = cls;
  return cls;
}

/**
 * Whether `text` may hold a term: false only if the exact scan would find none. Matches straddling
 * the edges of `text` are not considered, as the exact scan does not consider them either.
 */
export function mayHoldTerm(sieve: Sieve, text: string): boolean {
  return acceptsAtEnd(sieve, step(sieve, sieve.start, text));
}

/** Whether an alias has ended at `row`, or ends with the edge of the text that follows it. */
function acceptsAtEnd(sieve: Sieve, row: number): boolean {
  return row === ACCEPT || sieve.next[row + GAP] === ACCEPT;
}

/**
 * The sieve over text that comes in pieces (the text nodes of one run): the same answer as
 * mayHoldTerm on the pieces joined, without joining them.
 */
export class SieveReader {
  private row: number;
  /** A high surrogate that ended the last piece: it is read with the low one that starts the next. */
  private pendingHigh = '';

  constructor(private readonly sieve: Sieve) {
    this.row = sieve.start;
  }

  /** Starts over, for a new run of text. */
  begin(): void {
    this.row = this.sieve.start;
    this.pendingHigh = '';
  }

  /** Reads the next piece. */
  read(piece: string): void {
    if (this.row === ACCEPT) return;
    let text = this.pendingHigh + piece;
    this.pendingHigh = isHighSurrogate(text.charCodeAt(text.length - 1)) ? text.slice(-1) : '';
    if (this.pendingHigh) text = text.slice(0, -1);
    this.row = step(this.sieve, this.row, text);
  }

  /** Whether the pieces read since begin() may hold a term. */
  mayHoldTerm(): boolean {
    if (this.pendingHigh) {
      this.row = this.row === ACCEPT ? ACCEPT : step(this.sieve, this.row, this.pendingHigh);
      this.pendingHigh = '';
    }
    return acceptsAtEnd(this.sieve, this.row);
  }
}

/** Runs the DFA over `text` from `row`: the row reached, or ACCEPT as soon as an alias ends. */
function step(sieve: Sieve, from: number, text: string): number {
  const { unitClass, next } = sieve;
  let row = from;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    let cls = unitClass[code];
    if (cls >= SEVERAL) {
      if (cls === UNKNOWN) cls = learnUnit(sieve, code);
      if (cls === IGNORED) continue;
      if (cls === SEVERAL) {
        // Rare: a character folding to several units, or a surrogate pair. Step through each unit.
        const width = codePointWidth(text, i);
        const folded = foldCodePoint(text.slice(i, i + width));
        i += width - 1;
        for (let k = 0; k < folded.length; k++) {
          row = next[row + classOfFolded(sieve, folded.charCodeAt(k))];
          if (row === ACCEPT) return ACCEPT;
        }
        continue;
      }
    }
    row = next[row + cls];
    if (row === ACCEPT) return ACCEPT;
  }
  return row;
}
