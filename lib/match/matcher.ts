/**
 * One matcher for every alias at once: an Aho–Corasick automaton over folded alias text
 * (automaton.ts), so the cost of a scan grows with the text, not with the number of aliases. A sieve
 * (sieve.ts) runs first and lets most text skip this exact scan. Both are flat tables, built once and
 * sent to every frame as they are (tables.ts). Rules applied to each hit: word boundaries, per-alias
 * case rules, stricter rules inside Vietnamese-language text, and the longer-name rules of names.ts.
 * Where hits overlap the longest wins; hits of one entry that overlap make one match ("President Xi
 * Jinping"). Evidence that generic and ambiguous aliases need is judged by the caller (evidence.ts).
 */
import {
  FoldCursor,
  foldKey,
  isUnspacedCode,
  isWordCode,
  learnUnit,
  UNIT_GAP,
  UNIT_IGNORED,
  UNIT_KIND_MASK,
  UNIT_SEVERAL,
  UNIT_TABLE,
} from '../text/normalize';
import { buildAutomaton, nextNode, patternsEndingAt, type Automaton } from './automaton';
import type { CueGroup, Evidence } from './evidence';
import { followsVietnameseHonorific, isInsideAddress, isInsideLongerName, qualifiesNextWord } from './names';
import { aliasStarts, buildSieve, type Sieve } from './sieve';

/**
 * - `any`: any case ("belt and road" in running prose).
 * - `name`: every word starts with a capital; all-capital words count too ("To LAM", "Pham Minh CHINH").
 * - `acronym`: every letter a capital ("CPV", never "cpv" or "Cpv").
 */
export type CaseRule = 'any' | 'name' | 'acronym';

export interface AliasSpec {
  entryId: string;
  text: string;
  caseRule: CaseRule;
  /** The evidence the alias needs before it counts (evidence.ts); firm when absent. */
  needs?: Evidence;
  /** With `needs: sentence` or `sentence-only`: what the sentence must name, every group met. */
  near?: CueGroup[];
  /**
   * A longer name that holds an alias of `entryId` and means something else ("Ho Chi Minh Trail",
   * "Xi'an"): it wins over the alias inside it, as the longest match, and is never marked.
   */
  blocks?: true;
}

export interface Match {
  /** Range in the original text. */
  start: number;
  end: number;
  /** Index into the aliases the matcher was built from. */
  alias: number;
  entryId: string;
  /** The evidence the match needs (null: none, it counts as it is). */
  needs: Evidence | null;
  near?: readonly CueGroup[];
}

export interface ScanOptions {
  /**
   * The text is Vietnamese-language prose (by `lang` or by its letters). A function is asked only if
   * the text has a candidate match at all: most text on most pages has none, and deciding the
   * language costs more than matching.
   */
  vietnamese: boolean | (() => boolean);
  /**
   * Where the matcher's sieve says an alias may begin in the text (aliasStarts), when the text has
   * been read through the sieve already (the page's walk reads every run through it).
   */
  mayBegin?: readonly number[];
}

/** Options with the language decided. */
interface ResolvedScanOptions {
  vietnamese: boolean;
}

export interface Matcher {
  aliases: readonly AliasSpec[];
  /** Folded alias text per pattern; a pattern may stand for several aliases of the same folded text. */
  patterns: readonly string[];
  patternAliases: readonly number[][];
  automaton: Automaton;
  /** The quick test that lets most text skip the exact scan (null: the exact scan alone). */
  sieve: Sieve | null;
}

export function buildMatcher(aliases: readonly AliasSpec[]): Matcher {
  const patternIndex = new Map<string, number>();
  const patterns: string[] = [];
  const patternAliases: number[][] = [];
  aliases.forEach((alias, i) => {
    const key = foldKey(alias.text);
    if (!key) return;
    let p = patternIndex.get(key);
    if (p === undefined) {
      p = patterns.length;
      patternIndex.set(key, p);
      patterns.push(key);
      patternAliases.push([]);
    }
    patternAliases[p].push(i);
  });
  return { aliases, patterns, patternAliases, automaton: buildAutomaton(patterns), sieve: buildSieve(aliases) };
}

/** Every letter of `s` is a capital, and there is at least one letter. */
function isAllCapitals(s: string): boolean {
  return s !== s.toLowerCase() && s === s.toUpperCase();
}

const WORD_SPLIT = /[\s\u00a0\u2010-\u2015-]+/u;

function firstLetter(word: string): string | undefined {
  return word.match(/\p{L}/u)?.[0];
}

function isCapitalLetter(letter: string | undefined): boolean {
  return !!letter && letter !== letter.toLowerCase();
}

/**
 * Every word of `original` that the alias capitalises begins with a capital ("Communist Party of
 * China": "of" may stay small). All-capital words pass ("To LAM"). An alias written as one word
 * ("DoiMoi") is compared word for word against the original's first word only. A name of three words
 * or more needs only its first and last capitalised words in capitals: "Đảng cộng sản Việt Nam" is how
 * some Vietnamese texts write "Đảng Cộng sản Việt Nam".
 */
function isNameCased(original: string, aliasText: string): boolean {
  const words = original.split(WORD_SPLIT).filter(Boolean);
  const aliasWords = aliasText.split(WORD_SPLIT).filter(Boolean);
  const capitalised = words.map((_, i) =>
    isCapitalLetter(firstLetter(aliasWords[Math.min(i, aliasWords.length - 1)] ?? '')),
  );
  const checked = new Set(capitalised.flatMap((c, i) => (c ? [i] : [])));
  if (aliasWords.length >= 3 && checked.size > 2) {
    const [first, last] = [Math.min(...checked), Math.max(...checked)];
    checked.clear();
    checked.add(first).add(last);
  }
  for (const i of checked) {
    const first = firstLetter(words[i]);
    if (first && first === first.toLowerCase()) return false;
  }
  return true;
}

function hasCapital(s: string): boolean {
  return /\p{Lu}/u.test(s);
}

function hasDiacritics(s: string): boolean {
  return s.normalize('NFD') !== s.normalize('NFD').replace(/\p{M}/gu, '') || /[đĐ]/u.test(s);
}

/** Soft hyphens and zero-width characters, which a page may put inside a word. */
function withoutInvisibles(s: string): string {
  return s.replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/gu, '');
}

/** A one-word alias that needs its entry named elsewhere: a surname or a given name ("Xi", "Trọng"). */
function isBareName(alias: AliasSpec): boolean {
  return alias.needs === 'entry' && !WORD_SPLIT.test(alias.text.trim());
}

/**
 * Whether `original` (the page's own spelling of a hit) satisfies `alias`'s rules.
 * - A bare name must be written as the alias writes it: "Xi", never "XI" (a regnal number) or "xi".
 * - Vietnamese-language text: a hit must hold a capital (lower-case "đổi mới" is "renewal"), and a bare
 *   name must carry the alias's own diacritics ("Trọng" is a name, "Trong" is "in").
 */
function acceptsSpelling(alias: AliasSpec, original: string, options: ResolvedScanOptions): boolean {
  switch (alias.caseRule) {
    case 'acronym':
      if (!isAllCapitals(original)) return false;
      break;
    case 'name':
      if (!isNameCased(original, alias.text)) return false;
      break;
    case 'any':
      break;
  }
  if (isBareName(alias) && withoutInvisibles(original).normalize('NFC') !== alias.text.normalize('NFC')) return false;
  if (options.vietnamese) {
    if (!hasCapital(original)) return false;
    if (isBareName(alias) && !hasDiacritics(alias.text)) return false;
  }
  return true;
}

/** Spellings judged so far, by matcher: a page writes a name the same way again and again. */
const judgedSpellings = new WeakMap<readonly AliasSpec[], Map<string, boolean>>();
/** Most spellings remembered per matcher: past this, they are judged afresh. */
const MAX_JUDGED_SPELLINGS = 4096;

/** acceptsSpelling for the alias `a` of `aliases`, remembered. */
function acceptsSpellingOf(
  aliases: readonly AliasSpec[],
  a: number,
  original: string,
  options: ResolvedScanOptions,
): boolean {
  let judged = judgedSpellings.get(aliases);
  if (!judged) judgedSpellings.set(aliases, (judged = new Map()));
  const key = `${a}${options.vietnamese ? 'v' : ' '}${original}`;
  let accepted = judged.get(key);
  if (accepted === undefined) {
    accepted = acceptsSpelling(aliases[a], original, options);
    if (judged.size >= MAX_JUDGED_SPELLINGS) judged.clear();
    judged.set(key, accepted);
  }
  return accepted;
}

/**
 * The folded word that ends before folded position `at` (past one space), or '': its last
 * WORD_BEFORE_UNITS units, so that a scan of the whole text and one of windows (foldFrom) read the
 * same word, and a page's endless "word" is not copied whole.
 */
function foldedWordBefore(units: Uint16Array, at: number): string {
  let end = at;
  while (end > 0 && units[end - 1] === 0x20) end--;
  let start = end;
  while (start > 0 && end - start < WORD_BEFORE_UNITS && isWordCode(units[start - 1])) start--;
  return String.fromCharCode(...units.subarray(start, end));
}

/** The kind of a code unit (UNIT_TABLE), learnt if it is new. */
function kindOf(code: number): number {
  return (UNIT_TABLE[code] || learnUnit(code)) & UNIT_KIND_MASK;
}

/**
 * Where the exact scan starts reading for an alias that may begin with the word at `wordAt`: before
 * the gaps, punctuation and symbols in front of it, as an alias may open with these ("“Bamboo
 * diplomacy”", ".NET"). A character that folds to several units may be a letter: reading from before
 * it reads more than needed, never less.
 */
function leadFrom(input: string, wordAt: number): number {
  let i = wordAt;
  while (i > 0) {
    const kind = kindOf(input.charCodeAt(i - 1));
    if (kind !== UNIT_GAP && kind !== UNIT_IGNORED && kind !== UNIT_SEVERAL) break;
    i--;
  }
  return i;
}

/**
 * The longest word before a hit that the rules read whole: they compare it with "the" and with
 * Vietnamese titles and honorifics, so a longer word is as good as its last units.
 */
const WORD_BEFORE_UNITS = 32;
/**
 * How far back in the text foldFrom looks for the word before: far enough for WORD_BEFORE_UNITS
 * letters among characters that fold to nothing (soft hyphens between every letter, say), and no
 * further on a page that strings thousands of them together.
 */
const WORD_BEFORE_REACH = 4096;

/**
 * Restarts `folded` at the word before `from` (the rules read it: "the Xi administration", "ông
 * Trọng") and folds on past `from`: the folded offset of `from`, or the folded length if the text
 * ends first. `from` comes from leadFrom, so the units before it are that word's.
 */
function foldFrom(folded: FoldCursor, input: string, from: number): number {
  let start = from;
  const floor = Math.max(0, from - WORD_BEFORE_REACH);
  // Back to the word's start, or until it has given WORD_BEFORE_UNITS folded units: a letter gives
  // one; a character that folds to nothing gives none; one that folds to several is not counted,
  // which reads more than needed, never less.
  for (let letters = 0; start > floor && letters < WORD_BEFORE_UNITS; start--) {
    const kind = kindOf(input.charCodeAt(start - 1));
    if (kind === UNIT_GAP) break;
    if (kind !== UNIT_IGNORED && kind !== UNIT_SEVERAL) letters++;
  }
  folded.restart(start);
  for (let i = 0; ; i++) {
    if (i + 1 >= folded.length) folded.reach(i + FOLD_AHEAD);
    if (i >= folded.length || folded.sourceIndex[i] >= from) return i;
  }
}

/** The folded unit at `k`, or -1 outside the units folded. */
function unitAt(units: Uint16Array, length: number, k: number): number {
  return k >= 0 && k < length ? units[k] : -1;
}

/** How many units the exact scan folds ahead of the automaton at a time: most windows end within a word. */
const FOLD_AHEAD = 16;

/**
 * Whether the words around a match let it stand as this alias (names.ts): not inside an address or a
 * longer name; a bare name after "the" only where it qualifies the next word ("the Xi administration",
 * not "the Xi, the Mekong"), and in Vietnamese prose only after a title or an honorific ("ông Trọng";
 * a bare "Trọng", "Lâm" is a word). `startsName` tells whether some alias hit starts at an offset.
 */
function acceptsSurroundings(
  alias: AliasSpec,
  input: string,
  match: Match,
  before: string,
  options: ResolvedScanOptions,
  startsName: (at: number) => boolean,
): boolean {
  if (isInsideAddress(input, match.start, match.end)) return false;
  if (
    alias.caseRule !== 'any' &&
    isInsideLongerName(input, match.start, match.end, alias.caseRule === 'acronym', startsName)
  )
    return false;
  if (isBareName(alias)) {
    if (before === 'the' && !qualifiesNextWord(input, match.end)) return false;
    if (options.vietnamese && !followsVietnameseHonorific(before)) return false;
  }
  return true;
}

interface Candidate extends Match {
  blocks: boolean;
  /** The folded word before the hit, for the rules that read it. */
  before: string;
}

/**
 * Finds every alias in `input`. Returns non-overlapping matches in text order (see selectMatches).
 * Matches that need evidence are returned with what they need: the caller decides (evidence.ts).
 */
export function scan(matcher: Matcher, input: string, options: ScanOptions): Match[] {
  // Where an alias may begin, as offsets in the text; without a sieve, anywhere.
  const mayBegin = matcher.sieve ? (options.mayBegin ?? aliasStarts(matcher.sieve, input)) : null;
  if (mayBegin?.length === 0) return [];
  // Only what the automaton reads is folded: a window around each place an alias may begin, from
  // the punctuation before its first word until no alias begun there can still end, and at most as
  // far as the longest alias reaches. The text between is neither folded nor read.
  const folded = new FoldCursor(input);
  let { units, sourceIndex, length } = folded;
  const longest = longestPattern(matcher.patterns);
  const places = mayBegin?.length ?? 0;
  let next = 0;
  let until = mayBegin ? 0 : Infinity;
  /** The folded offset of the last place in the window where an alias may begin (-1: none yet). */
  let lastStart = -1;
  /** Where the window of `mayBegin[next]` starts reading, once asked. */
  let nextFrom = -1;
  let resolved: ResolvedScanOptions | null = null;
  const decided = (): ResolvedScanOptions =>
    (resolved ??= { vietnamese: typeof options.vietnamese === 'function' ? options.vietnamese() : options.vietnamese });
  const { automaton } = matcher;
  const candidates: Candidate[] = [];
  let node = 0;
  for (let i = 0; ; i++) {
    // The unit read, and the one after it (for the word boundary), folded.
    if (i + 1 >= length) {
      folded.reach(i + FOLD_AHEAD);
      ({ units, sourceIndex, length } = folded);
    }
    if (i >= until) {
      // (Only with a sieve: without one, the window is the whole text.)
      if (next === places) break;
      if (nextFrom < 0) nextFrom = leadFrom(input, mayBegin![next]);
      if (nextFrom > sourceIndex[i]) {
        // Past every window so far: on to the next, from the automaton's first state. An alias that
        // begins in the text skipped begins at no word the sieve lets through, so none is missed.
        i = foldFrom(folded, input, nextFrom);
        ({ units, sourceIndex, length } = folded);
        node = 0;
        lastStart = -1;
      }
      // Read on towards the place, through the punctuation before it.
      until = i + 1;
    }
    if (i >= length) break;
    while (next < places && mayBegin![next] <= sourceIndex[i]) {
      until = Math.max(until, i + longest);
      lastStart = i;
      next++;
      nextFrom = -1;
    }
    const code = units[i];
    node = nextNode(automaton, node, code);
    if (node === 0) {
      // Back at the root, past the window's last word where an alias may begin: no alias begun at or
      // before here can end later, so the window is done (most end at the space after their word).
      if (lastStart >= 0) until = i + 1;
      continue;
    }
    const found = patternsEndingAt(automaton, node);
    if (!found) continue;
    const end = i + 1;
    // Word boundaries ("trong" is not in "strong"), except beside letters of unspaced scripts.
    if (isWordCode(unitAt(units, length, end)) && !isUnspacedCode(code)) continue;
    for (const p of found) {
      const start = end - matcher.patterns[p].length;
      if (isWordCode(unitAt(units, length, start - 1)) && !isUnspacedCode(units[start])) continue;
      const sourceStart = sourceIndex[start];
      const sourceEnd = trimmedSourceEnd(input, sourceIndex[end]);
      const original = input.slice(sourceStart, sourceEnd);
      for (const a of matcher.patternAliases[p]) {
        const alias = matcher.aliases[a];
        // A longer name blocks whatever its case: blocking too much is safe, too little is not.
        if (!alias.blocks && !acceptsSpellingOf(matcher.aliases, a, original, decided())) continue;
        candidates.push({
          start: sourceStart,
          end: sourceEnd,
          alias: a,
          entryId: alias.entryId,
          needs: alias.needs ?? null,
          ...(alias.near ? { near: alias.near } : {}),
          blocks: !!alias.blocks,
          before: foldedWordBefore(units, start),
        });
        break;
      }
    }
  }
  if (candidates.length === 0) return [];
  // Once the longest reading is chosen, the words around it are read: a match inside a longer name
  // is dropped, not replaced by a shorter hit inside it.
  const starts = new Set(candidates.map((c) => c.start));
  const startsName = (at: number) => starts.has(at);
  return selectMatches(candidates).filter((m) =>
    acceptsSurroundings(matcher.aliases[m.alias], input, m, (m as Candidate).before, decided(), startsName),
  );
}

/** The length of the longest pattern, computed once per matcher. */
const longestPatterns = new WeakMap<readonly string[], number>();
function longestPattern(patterns: readonly string[]): number {
  let longest = longestPatterns.get(patterns);
  if (longest === undefined) longestPatterns.set(patterns, (longest = Math.max(0, ...patterns.map((p) => p.length))));
  return longest;
}

/**
 * The folded range ends where the next folded character begins, which may be past white space that
 * folding collapsed. Marks that belong to the last letter are kept; trailing spaces are not.
 */
function trimmedSourceEnd(input: string, end: number): number {
  while (end > 0 && /\s/u.test(input[end - 1])) end--;
  return end;
}

/**
 * Non-overlapping matches, in text order. Within each cluster of overlapping hits the longest wins,
 * and among equals the first, also over a shorter hit that starts earlier ("President Xi Jinping"
 * over "President Xi"). A hit of the same entry that overlaps a chosen one widens it, so the mark
 * covers the whole name, and counts as firm if either is. A longer name that blocks wins and is then
 * dropped, with every hit inside it.
 */
function selectMatches(candidates: Candidate[]): Candidate[] {
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen: Candidate[] = [];
  let cluster: Candidate[] = [];
  let clusterEnd = -1;
  const settle = () => {
    cluster.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const kept: Candidate[] = [];
    for (const c of cluster) {
      const overlapping = kept.filter((k) => k.start < c.end && c.start < k.end);
      if (overlapping.length === 0) {
        kept.push({ ...c });
        continue;
      }
      const [k] = overlapping;
      if (overlapping.length > 1 || k.blocks || c.blocks || k.entryId !== c.entryId) continue;
      const start = Math.min(k.start, c.start);
      const end = Math.max(k.end, c.end);
      if (kept.some((o) => o !== k && o.start < end && start < o.end)) continue;
      k.start = start;
      k.end = end;
      if (c.needs === null) k.needs = null;
      if (c.start < k.start) k.before = c.before;
    }
    for (const k of kept) {
      if (k.blocks) continue;
      if (k.needs === null) delete k.near;
      chosen.push(k);
    }
  };
  for (const c of candidates) {
    if (c.start >= clusterEnd && cluster.length) {
      settle();
      cluster = [];
    }
    cluster.push(c);
    clusterEnd = Math.max(clusterEnd, c.end);
  }
  settle();
  return chosen.sort((a, b) => a.start - b.start);
}
