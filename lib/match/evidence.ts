/**
 * The evidence model: what a generic or ambiguous alias needs before it counts. Gloss runs on every
 * page, and "CPV", "Xi", "official visit to China" or "East Sea" mean other things on most of them.
 * A firm alias (a full, distinctive name) counts on its own; the others need, as the glossary says
 * (`needs:` in corpus/glossary.yaml, documented there):
 *
 * - `entry`: the page also names the entry firmly ("Xi" where "Xi Jinping" stands on the page);
 * - `related`: the page names the entry or one of its related entries of the same side firmly, or is
 *   about the subject ("CPV" beside "Nguyen Phu Trong"); for acronyms and a source's misspellings;
 * - `sentence`: the same sentence names what the alias's `near` groups ask for (an actor, a word), or
 *   the page is about the subject; for generic phrases ("traditional friendship", "East Sea");
 * - `sentence-only`: the same sentence, and the subject of the page is not enough; for phrases that
 *   name one event ("state visit to Vietnam" counts beside "Xi" and "2023", not for any visit).
 *
 * A page is about the subject (China–Vietnam relations) when its firm mentions name an entry that
 * stands for both sides, or entries of each side (`side:` in the glossary). Places are not counted:
 * pages name Beijing or Hanoi in passing. Only firm mentions are evidence, so weak evidence never
 * vouches for weak evidence.
 */
import { foldKey } from '../text/normalize';
import { sentenceAround } from '../text/sentences';
import type { Match } from './matcher';

export type Evidence = 'entry' | 'related' | 'sentence' | 'sentence-only';
export const EVIDENCE_LEVELS: readonly Evidence[] = ['entry', 'related', 'sentence', 'sentence-only'];

/** Which side of China–Vietnam relations an entry stands for. */
export type Side = 'china' | 'vietnam' | 'both';
export const SIDES: readonly Side[] = ['china', 'vietnam', 'both'];

/** One group of cues: met when the sentence names one of these entries or holds one of these words (folded). */
export interface CueGroup {
  entries: string[];
  words: string[];
}

export interface EvidenceRules {
  /** Related entries, both directions. */
  related: ReadonlyMap<string, readonly string[]>;
  /** The side each entry stands for, where it has one. */
  sides: ReadonlyMap<string, Side>;
  /** Entries whose firm mention tells what a page is about (places are named in passing). */
  topical: ReadonlySet<string>;
}

/** What to do with a match: mark it, wait for more of the page, or drop it for good. */
export type Verdict = 'mark' | 'wait' | 'drop';

/** The evidence one page (or one document) has given so far. */
export class PageEvidence {
  /** Entries the page names firmly. */
  readonly named = new Set<string>();
  private readonly sidesNamed = new Set<Side>();

  constructor(private readonly rules: EvidenceRules) {}

  /** Notes the entries that firm matches name. True when that may change a verdict. */
  noteFirm(matches: Iterable<Match>): boolean {
    const before = this.named.size;
    this.noteNamed(firmEntries(matches));
    return this.named.size > before;
  }

  /** Notes entries known to be named firmly (what a document named when it was last scanned). */
  noteNamed(entryIds: Iterable<string>): void {
    for (const id of entryIds) {
      this.named.add(id);
      const side = this.rules.sides.get(id);
      if (side && this.rules.topical.has(id)) this.sidesNamed.add(side);
    }
  }

  /** Whether the page is about China–Vietnam relations, by its firm mentions. */
  get aboutTheSubject(): boolean {
    return this.sidesNamed.has('both') || (this.sidesNamed.has('china') && this.sidesNamed.has('vietnam'));
  }

  /**
   * The verdict on `match`, found in `text` among `matches` (the matches of that text, for actors in
   * the same sentence). 'wait' may become 'mark' as the page names more.
   */
  verdict(match: Match, text: string, matches: readonly Match[]): Verdict {
    switch (match.needs) {
      case null:
        return 'mark';
      case 'entry':
        return this.named.has(match.entryId) ? 'mark' : 'wait';
      case 'related':
        return this.named.has(match.entryId) || this.namesRelated(match.entryId) || this.aboutTheSubject
          ? 'mark'
          : 'wait';
      case 'sentence':
        // The page's subject first: on a page about it, the sentence need not be read.
        return this.aboutTheSubject || cuesMet(match, text, matches) ? 'mark' : 'wait';
      case 'sentence-only':
        return cuesMet(match, text, matches) ? 'mark' : 'drop';
    }
  }

  /**
   * Whether the page names a related entry of the same side: "CPV" beside Nguyen Phu Trong, not beside
   * the Communist Party of China (a page about China's party may speak of photovoltaics). Across the
   * sides, the page must be about the subject.
   */
  private namesRelated(entryId: string): boolean {
    const side = this.rules.sides.get(entryId);
    for (const other of this.rules.related.get(entryId) ?? []) {
      if (!this.named.has(other)) continue;
      const otherSide = this.rules.sides.get(other);
      if (!side || !otherSide || side === otherSide || side === 'both' || otherSide === 'both') return true;
    }
    return false;
  }
}

/** The entries that `matches` name firmly (matches that need no evidence). */
export function firmEntries(matches: Iterable<Match>): Set<string> {
  const named = new Set<string>();
  for (const m of matches) if (m.needs === null) named.add(m.entryId);
  return named;
}

/**
 * The entries whose being named firmly can change another match's verdict: each with an alias that
 * needs its own entry, each related to another, and each that tells what a page is about.
 */
export function contextualEntries(
  aliases: readonly { entryId: string; needs?: Evidence }[],
  rules: EvidenceRules,
): Set<string> {
  return new Set([
    ...aliases.filter((a) => a.needs === 'entry').map((a) => a.entryId),
    ...rules.related.keys(),
    ...rules.topical,
  ]);
}

/** Whether the sentence around `match` meets every one of its cue groups. */
function cuesMet(match: Match, text: string, matches: readonly Match[]): boolean {
  if (!match.near?.length) return false;
  const [from, to] = sentenceAround(text, match.start, match.end);
  const entries = new Set(matches.filter((m) => m !== match && m.start >= from && m.end <= to).map((m) => m.entryId));
  // Words are compared folded, as whole words, in the sentence without the match itself.
  const words = ` ${foldKey(`${text.slice(from, match.start)} ${text.slice(match.end, to)}`).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  return match.near.every(
    (group) => group.entries.some((e) => entries.has(e)) || group.words.some((w) => words.includes(` ${w} `)),
  );
}

/** A cue word as cuesMet compares it. */
export function cueWordKey(word: string): string {
  return foldKey(word)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
