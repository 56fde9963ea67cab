/**
 * One matcher for every alias at once: an Aho–Corasick automaton over folded alias text
 * (automaton.ts), so the cost of a scan grows with the text, not with the number of aliases. A sieve
 * (sieve.ts) runs first and lets most text skip this exact scan. Both are flat tables, built once and
 * sent to every frame as they are (tables.ts). Rules applied to each hit: word boundaries, per-alias
 * case rules, stricter rules inside Vietnamese-language text, and the longer-name rules of names.ts.
 * Where hits overlap the longest wins; hits of one entry that overlap make one match ("President Xi
 * Jinping"). Evidence that generic and ambiguous aliases need is judged by the caller (evidence.ts).
 */
import { foldKey, foldUnits, isUnspacedCode, isWordCode } from '../text/normalize';
import { buildAutomaton, nextNode, patternsEndingAt, type Automaton } from './automaton';
import type { CueGroup, Evidence } from './evidence';
import { followsVietnameseHonorific, isInsideAddress, isInsideLongerName, qualifiesNextWord } from './names';
import { aliasStarts, buildSieve, mayHoldTerm, type Sieve } from './sieve';

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
  /** The text has passed the matcher's sieve already (the page's walk reads it through the sieve). */
  sieved?: boolean;
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

/** The folded word that ends before folded position `at` (past one space), or ''. */
function foldedWordBefore(units: Uint16Array, at: number): string {
  let end = at;
  while (end > 0 && units[end - 1] === 0x20) end--;
  let start = end;
  while (start > 0 && isWordCode(units[start - 1])) start--;
  return String.fromCharCode(...units.subarray(start, end));
}

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
  if (matcher.sieve && !options.sieved && !mayHoldTerm(matcher.sieve, input)) return [];
  // The folded code units are read in place: no string is built for text that holds no term.
  const folded = foldUnits(input);
  const { units, sourceIndex, length } = folded;
  // Where the sieve says an alias may begin, the automaton reads from a little before (an alias may
  // open with punctuation) until no alias begun there can still end, and at most as far as the
  // longest alias reaches; the text between is skipped.
  const mayBegin = matcher.sieve ? aliasStarts(matcher.sieve, input, folded) : [];
  const { lead, longest } = reachOf(matcher.patterns);
  let next = 0;
  let until = matcher.sieve ? 0 : length;
  const codeAt = (i: number) => (i >= 0 && i < length ? units[i] : -1);
  let resolved: ResolvedScanOptions | null = null;
  const decided = (): ResolvedScanOptions =>
    (resolved ??= { vietnamese: typeof options.vietnamese === 'function' ? options.vietnamese() : options.vietnamese });
  const { automaton } = matcher;
  const candidates: Candidate[] = [];
  let node = 0;
  for (let i = 0; i < length; i++) {
    if (i >= until) {
      if (next === mayBegin.length) break;
      // Past every window so far: on to the next, from the automaton's first state. An alias that
      // begins in the text skipped begins at no word the sieve lets through, so none is missed.
      const from = mayBegin[next] - lead;
      if (from > i) {
        i = from;
        node = 0;
      }
    }
    while (next < mayBegin.length && mayBegin[next] - lead <= i) until = Math.max(until, mayBegin[next++] + longest);
    const code = units[i];
    node = nextNode(automaton, node, code);
    if (node === 0) {
      // Back at the root: no alias begun at or before here can end later, so once past the last
      // word where one may begin, this window is done (most end at the space after their word).
      if (next > 0 && i >= mayBegin[next - 1]) until = i + 1;
      continue;
    }
    const found = patternsEndingAt(automaton, node);
    if (!found) continue;
    const end = i + 1;
    // Word boundaries ("trong" is not in "strong"), except beside letters of unspaced scripts.
    if (isWordCode(codeAt(end)) && !isUnspacedCode(code)) continue;
    for (const p of found) {
      const start = end - matcher.patterns[p].length;
      if (isWordCode(codeAt(start - 1)) && !isUnspacedCode(units[start])) continue;
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

/**
 * How far a pattern reaches around its first word: the units before it (an alias that opens with
 * punctuation) at most, and the longest pattern. Computed once per matcher.
 */
const reaches = new WeakMap<readonly string[], { lead: number; longest: number }>();
function reachOf(patterns: readonly string[]): { lead: number; longest: number } {
  let reach = reaches.get(patterns);
  if (!reach) {
    reach = { lead: 0, longest: 0 };
    for (const p of patterns) {
      let first = 0;
      while (first < p.length && !isWordCode(p.charCodeAt(first))) first++;
      reach.lead = Math.max(reach.lead, first);
      reach.longest = Math.max(reach.longest, p.length);
    }
    reaches.set(patterns, reach);
  }
  return reach;
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
