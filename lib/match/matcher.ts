/**
 * One matcher for every alias at once: an Aho–Corasick automaton over folded alias text
 * (automaton.ts), so the cost of a scan grows with the text, not with the number of aliases. A sieve
 * (sieve.ts) runs first and lets most text skip this exact scan. Both are flat tables, built once and
 * sent to every frame as they are (tables.ts). Rules applied to each hit:
 * word boundaries, per-alias case rules, and stricter rules inside Vietnamese-language text.
 * Longest match wins where hits overlap.
 */
import { foldKey, foldUnits, isUnspacedCode, isWordCode } from '../text/normalize';
import { buildAutomaton, nextNode, patternsEndingAt, type Automaton } from './automaton';
import { buildSieve, mayHoldTerm, type Sieve } from './sieve';

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
  /**
   * A short alias that is also an ordinary word or a common name ("Trong", "Lam", "Xi"): it counts
   * only where the same page or document also names the entry or a related one (see context.ts).
   */
  ambiguous?: boolean;
}

export interface Match {
  /** Range in the original text. */
  start: number;
  end: number;
  /** Index into the aliases the matcher was built from. */
  alias: number;
  entryId: string;
  ambiguous: boolean;
}

export interface ScanOptions {
  /**
   * The text is Vietnamese-language prose (by `lang` or by its letters). A function is asked only if
   * the text has a candidate match at all: most text on most pages has none, and deciding the
   * language costs more than matching.
   */
  vietnamese: boolean | (() => boolean);
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

/**
 * Every word of `original` that the alias capitalises begins with a capital ("Communist Party of
 * China": "of" may stay small). All-capital words pass ("To LAM"). An alias written as one word
 * ("DoiMoi") is compared word for word against the original's first word only.
 */
function isNameCased(original: string, aliasText: string): boolean {
  const words = original.split(WORD_SPLIT).filter(Boolean);
  const aliasWords = aliasText.split(WORD_SPLIT).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const aliasFirst = firstLetter(aliasWords[Math.min(i, aliasWords.length - 1)] ?? '');
    if (aliasFirst && aliasFirst === aliasFirst.toLowerCase()) continue;
    const first = firstLetter(words[i]);
    if (first && first === first.toLowerCase()) return false;
  }
  return true;
}

function startsWithCapital(s: string): boolean {
  const first = s.match(/\p{L}/u)?.[0];
  return !!first && first !== first.toLowerCase();
}

function hasDiacritics(s: string): boolean {
  return s.normalize('NFD') !== s.normalize('NFD').replace(/\p{M}/gu, '') || /[đĐ]/u.test(s);
}

/**
 * Whether `original` (the page's own spelling of a hit) satisfies `alias`'s rules.
 * Vietnamese-language text: a hit must begin with a capital (lower-case "đổi mới" is "renewal"), and an
 * ambiguous alias must carry the alias's own diacritics ("Trọng" is a name, "Trong" is "in").
 */
export function acceptsSpelling(alias: AliasSpec, original: string, options: ResolvedScanOptions): boolean {
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
  if (options.vietnamese) {
    if (!startsWithCapital(original)) return false;
    if (alias.ambiguous) {
      if (!hasDiacritics(alias.text)) return false;
      if (original.normalize('NFC').toLowerCase() !== alias.text.normalize('NFC').toLowerCase()) return false;
    }
  }
  return true;
}

/**
 * Finds every alias in `input`. Returns non-overlapping matches in text order; where hits overlap the
 * longest wins, and among equals the first. Ambiguous matches are returned flagged: the caller decides
 * with `applyContext` whether the surroundings name the entry.
 */
export function scan(matcher: Matcher, input: string, options: ScanOptions): Match[] {
  if (matcher.sieve && !mayHoldTerm(matcher.sieve, input)) return [];
  // The folded code units are read in place: no string is built for text that holds no term.
  const { units, sourceIndex, length } = foldUnits(input);
  const codeAt = (i: number) => (i >= 0 && i < length ? units[i] : -1);
  let resolved: ResolvedScanOptions | null = null;
  const decided = (): ResolvedScanOptions =>
    (resolved ??= { vietnamese: typeof options.vietnamese === 'function' ? options.vietnamese() : options.vietnamese });
  const { automaton } = matcher;
  const candidates: Match[] = [];
  let node = 0;
  for (let i = 0; i < length; i++) {
    const code = units[i];
    node = nextNode(automaton, node, code);
    if (node === 0) continue;
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
        if (!acceptsSpelling(alias, original, decided())) continue;
        candidates.push({ start: sourceStart, end: sourceEnd, alias: a, entryId: alias.entryId, ambiguous: !!alias.ambiguous });
        break;
      }
    }
  }
  return longestFirst(candidates);
}

/**
 * The folded range ends where the next folded character begins, which may be past white space that
 * folding collapsed. Marks that belong to the last letter are kept; trailing spaces are not.
 */
function trimmedSourceEnd(input: string, end: number): number {
  while (end > 0 && /\s/u.test(input[end - 1])) end--;
  return end;
}

/** Leftmost-longest selection of non-overlapping matches. */
function longestFirst(candidates: Match[]): Match[] {
  if (candidates.length < 2) return candidates;
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen: Match[] = [];
  let lastEnd = -1;
  for (const m of candidates) {
    if (m.start >= lastEnd) {
      chosen.push(m);
      lastEnd = m.end;
    }
  }
  return chosen;
}
