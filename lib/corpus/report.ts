/**
 * What the glossary might be missing, reported by the compiler: acronym definitions in the corpus ("Communist Party of
 * Vietnam (CPV)") and whether an entry or the exclusion list knows the acronym, entries no document mentions, and how
 * the names the documents hold are covered (coverage.ts, which the compiler enforces).
 */
import type { AliasSpec } from '../match/matcher';
import { foldKey } from '../text/normalize';
import type { CompileReport, Coverage, Entry, Mention, Paragraph } from './types';

const NAME_WORD = String.raw`\p{Lu}[\p{L}\p{M}’'.&-]*`;
const JOINER = String.raw`(?:of|and|for|the|on|in|&)`;
/** "Full Name (ACR)". */
const ACRONYM_DEFINITION = new RegExp(
  String.raw`(${NAME_WORD}(?:\s+(?:${JOINER}|${NAME_WORD}))*)\s+\((\p{Lu}{2,6})\)`,
  'gu',
);

export function buildReport(
  paragraphs: readonly Paragraph[],
  entries: readonly Entry[],
  aliases: readonly AliasSpec[],
  mentions: readonly Mention[],
  coverage: Coverage,
  excluded: readonly string[],
): CompileReport {
  const aliasKeys = new Set(aliases.map((a) => foldKey(a.text)));
  const excludedKeys = new Set(excluded.map(foldKey));
  const acronyms: CompileReport['acronyms'] = [];
  for (const p of paragraphs) {
    for (const match of p.text.matchAll(ACRONYM_DEFINITION)) {
      acronyms.push({
        acronym: match[2],
        expansion: expansionOf(match[1], match[2]),
        docId: p.docId,
        paragraph: p.n,
        covered: aliasKeys.has(foldKey(match[2])) ? 'entry' : excludedKeys.has(foldKey(match[2])) ? 'excluded' : false,
      });
    }
  }
  const mentioned = new Set(mentions.map((m) => m.entryId));
  return { acronyms, unmentioned: entries.filter((e) => !mentioned.has(e.id)).map((e) => e.id), coverage };
}

/**
 * The words the acronym abbreviates: the shortest tail of the capitalised run whose initials spell it
 * ("CPC and the Communist Party of Vietnam (CPV)" → "Communist Party of Vietnam").
 */
function expansionOf(run: string, acronym: string): string {
  const words = run.split(/\s+/);
  for (let from = words.length - 1; from >= 0; from--) {
    const initials = words
      .slice(from)
      .filter((w) => /^\p{Lu}/u.test(w))
      .map((w) => w[0])
      .join('');
    if (initials === acronym) return words.slice(from).join(' ');
  }
  return run;
}
