/**
 * What the glossary might be missing. Reported by the compiler, never fatal: acronym definitions in
 * the corpus ("Communist Party of Vietnam (CPV)") and capitalised names that no entry covers.
 */
import type { AliasSpec } from '../match/matcher';
import { foldKey } from '../text/normalize';
import type { CompileReport, Entry, Mention, Paragraph } from './types';

const NAME_WORD = String.raw`\p{Lu}[\p{L}\p{M}’'.&-]*`;
const JOINER = String.raw`(?:of|and|for|the|on|in|&)`;
/** "Full Name (ACR)". */
const ACRONYM_DEFINITION = new RegExp(String.raw`(${NAME_WORD}(?:\s+(?:${JOINER}|${NAME_WORD}))*)\s+\((\p{Lu}{2,6})\)`, 'gu');
/** Two or more capitalised words, possibly joined by "of", "and"…: a candidate proper name. */
const CAPITALISED_RUN = new RegExp(String.raw`${NAME_WORD}(?:\s+(?:${JOINER}\s+)?${NAME_WORD})+`, 'gu');

export function buildReport(
  paragraphs: readonly Paragraph[],
  entries: readonly Entry[],
  aliases: readonly AliasSpec[],
  mentions: readonly Mention[],
): CompileReport {
  const aliasKeys = new Set(aliases.map((a) => foldKey(a.text)));
  const acronyms: CompileReport['acronyms'] = [];
  const names = new Map<string, number>();
  const mentionsByParagraph = new Map<string, Mention[]>();
  for (const m of mentions) {
    const key = `${m.docId}#${m.paragraph}`;
    if (!mentionsByParagraph.has(key)) mentionsByParagraph.set(key, []);
    mentionsByParagraph.get(key)!.push(m);
  }
  for (const p of paragraphs) {
    for (const match of p.text.matchAll(ACRONYM_DEFINITION)) {
      acronyms.push({ acronym: match[2], expansion: expansionOf(match[1], match[2]), docId: p.docId, paragraph: p.n, covered: aliasKeys.has(foldKey(match[2])) });
    }
    const covered = mentionsByParagraph.get(`${p.docId}#${p.n}`) ?? [];
    for (const match of p.text.matchAll(CAPITALISED_RUN)) {
      const start = match.index;
      const end = start + match[0].length;
      if (covered.some((m) => m.start < end && start < m.end)) continue;
      names.set(match[0], (names.get(match[0]) ?? 0) + 1);
    }
  }
  const mentioned = new Set(mentions.map((m) => m.entryId));
  return {
    acronyms,
    uncoveredNames: [...names].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    unmentioned: entries.filter((e) => !mentioned.has(e.id)).map((e) => e.id),
  };
}

/**
 * The words the acronym abbreviates: the shortest tail of the capitalised run whose initials spell it
 * ("CPC and the Communist Party of Vietnam (CPV)" → "Communist Party of Vietnam").
 */
function expansionOf(run: string, acronym: string): string {
  const words = run.split(/\s+/);
  for (let from = words.length - 1; from >= 0; from--) {
    const initials = words.slice(from).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
    if (initials === acronym) return words.slice(from).join(' ');
  }
  return run;
}
