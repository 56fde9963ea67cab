/**
 * Coverage: every name the documents hold — of a person, party, institution, policy, place, event or
 * agreement — has an entry, or a line in the exclusion list (corpus/exclusions.yaml) that says why
 * not. A name here is a run of capitalised words (joined by "of", "and", "the"…) or an acronym, less
 * what entries' mentions already cover; section headings in capitals, and the capital that starts a
 * sentence on an ordinary word ("The", "During"), are not names. Lower-case slogans ("four goods")
 * cannot be found this way: the corpus review checklist in the README asks for them.
 */
import { isMap } from 'yaml';
import { CALENDAR_WORDS } from '../text/calendar';
import { foldKey } from '../text/normalize';
import type { Coverage, Mention, Paragraph } from './types';
import { readYaml } from './yaml';

interface Exclusion {
  name: string;
  reason: string;
  line: number;
}

export function parseExclusions(source: string, file: string): Exclusion[] {
  const { list, fail, str, lineOf, onlyKeys } = readYaml(source, file);
  const seen = new Map<string, number>();
  return list('exclusions').map((map) => {
    if (!isMap(map)) fail('each exclusion must be { name, reason }', map);
    onlyKeys(map, ['name', 'reason'], 'exclusion');
    const name = str(map, 'name', 'exclusion');
    const where = `exclusion "${name}"`;
    const reason = str(map, 'reason', where);
    const key = foldKey(name);
    if (seen.has(key)) fail(`${where} is listed twice (first on line ${seen.get(key)})`, map);
    seen.set(key, lineOf(map));
    return { name, reason, line: lineOf(map) };
  });
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.-]*/gu;
/** What stands between two words of one name: a space, or " & " ("Business & Economics"). */
const NAME_GAP = /^\s+(?:&\s+)?$/u;
/** Words that join the capitalised words of one name. */
const JOINERS = new Set(['of', 'and', 'for', 'the', 'on', 'in', 'de']);
/** Capitalised words that are never names: function words that start sentences, and dates' words. */
// prettier-ignore
const NOT_NAMES = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'it', 'its', 'he', 'his', 'she', 'her', 'they', 'their', 'we',
  'our', 'there', 'what', 'how', 'who', 'when', 'where', 'why', 'which', 'in', 'on', 'at', 'as', 'after', 'before',
  'during', 'since', 'for', 'with', 'by', 'to', 'from', 'under', 'upon', 'of', 'both', 'all', 'each', 'such', 'first',
  'second', 'third', 'furthermore', 'therefore', 'however', 'meanwhile', 'despite', 'regarding', 'similar', 'together',
  'toward', 'accordingly', 'looking', 'time', 'and', 'but', 'or', 'if', 'while', 'although', 'because', 'so', 'then',
  'also',
  ...CALENDAR_WORDS,
]);

/** A name the documents hold: its text, and where it stands. */
interface NameFound {
  name: string;
  docId: string;
  paragraph: number;
  start: number;
  end: number;
}

function isNameWord(word: string): boolean {
  return /^\p{Lu}/u.test(word) || /\p{Ll}\p{Lu}/u.test(word);
}

/** Text that is a name's, not the grammar's: no possessive, no full stop but an abbreviation's ("U.S."). */
function trimName(text: string): string {
  return text.replace(/['’]s?$/u, '').replace(/\.$/u, (dot) => (/\.\p{L}\.$/u.test(text) ? dot : ''));
}

/**
 * A word after which a name ends: a possessive ("Vietnam’s Mekong Delta"), or one with a full stop that is not an
 * initial ("D.C. President Biden").
 */
function endsName(word: string): boolean {
  return /['’]s$/u.test(word) || (word.endsWith('.') && !/^\p{Lu}\.$/u.test(word));
}

/** Leading and trailing joiners off a run of words. */
function trimJoiners(text: string): string {
  const joiner = [...JOINERS].join('|');
  return text.replace(new RegExp(`^(?:(?:${joiner})\\s+)+|(?:\\s+(?:${joiner}))+$`, 'gu'), '');
}

/**
 * Every name in the paragraphs that no mention covers. A sentence's first word counts only where the
 * corpus capitalises it in the middle of a sentence too: on its own for a name of one word ("Vietnam",
 * not "Issues"), or within a name ("General Secretary", not "Acknowledging Vietnam").
 */
export function uncoveredNames(paragraphs: readonly Paragraph[], mentions: readonly Mention[]): NameFound[] {
  // A section heading in capitals ("DEFENSE AND SECURITY") is not a run of names.
  const prose = paragraphs.filter((p) => /\p{Ll}/u.test(p.text));
  const midSentence = new Set<string>();
  const inNames = new Set<string>();
  const tokens = prose.map((p) => {
    const covered = mentions.filter((m) => m.docId === p.docId && m.paragraph === p.n);
    const list = [...p.text.matchAll(WORD)].map((m) => {
      const start = m.index;
      const end = start + m[0].length;
      const sentenceStart = [...p.sentences].reverse().find(([s]) => s <= start)?.[0] ?? 0;
      return {
        word: m[0],
        key: foldKey(trimName(m[0])),
        start,
        end,
        first: !/[\p{L}\p{N}]/u.test(p.text.slice(sentenceStart, start)),
        covered: covered.some((c) => c.start < end && start < c.end),
      };
    });
    // A word capitalised on its own in mid-sentence is a name ("…with Vietnam"); one capitalised only
    // inside a longer name ("Asia-Pacific Economic Cooperation") is not thereby one.
    list.forEach((t, i) => {
      const alone = ![list[i - 1], list[i + 1]].some(
        (n) =>
          n && isNameWord(n.word) && /^\s+$/u.test(p.text.slice(Math.min(n.end, t.end), Math.max(n.start, t.start))),
      );
      if (t.first || t.covered || !isNameWord(t.word)) return;
      inNames.add(t.key);
      if (alone) midSentence.add(t.key);
    });
    return list;
  });
  const found: NameFound[] = [];
  prose.forEach((p, i) => {
    let run: (typeof tokens)[number] = [];
    const flush = () => {
      while (run.length && JOINERS.has(run[run.length - 1].word.toLowerCase())) run.pop();
      // A capitalised word that starts a sentence is a name only if it is one elsewhere too: alone, or in a longer
      // name.
      if (run.length && run[0].first && !(run.length === 1 ? midSentence : inNames).has(run[0].key)) run.shift();
      while (run.length && JOINERS.has(run[0].word)) run.shift();
      if (run.length) {
        const start = run[0].start;
        const name = trimName(p.text.slice(start, run[run.length - 1].end));
        found.push({ name, docId: p.docId, paragraph: p.n, start, end: start + name.length });
      }
      run = [];
    };
    let previousEnd = -1;
    for (const t of tokens[i]) {
      if (run.length && (t.first || !NAME_GAP.test(p.text.slice(previousEnd, t.start)))) flush();
      previousEnd = t.end;
      const joiner = JOINERS.has(t.word.toLowerCase()) && !/^\p{Lu}/u.test(t.word);
      const nameWord = isNameWord(t.word) && !t.covered && !NOT_NAMES.has(t.key);
      if (nameWord) run.push(t);
      else if (joiner && run.length) run.push(t);
      else flush();
      if (nameWord && endsName(t.word)) flush();
    }
    flush();
  });
  return found;
}

/**
 * How the names are covered: by entries' mentions, by the exclusion list (the whole name, or each of
 * the names "and" joins in it), or not at all.
 */
export function coverageOf(
  found: readonly NameFound[],
  mentions: readonly Mention[],
  exclusions: readonly Exclusion[],
): { coverage: Coverage; unused: Exclusion[] } {
  const excluded = new Map(exclusions.map((e) => [foldKey(e.name), e]));
  const used = new Set<Exclusion>();
  const uncovered = new Map<string, Coverage['uncovered'][number]>();
  for (const f of found) {
    const whole = excluded.get(foldKey(f.name));
    const parts = f.name.split(/\s+and\s+/u).map((part) => excluded.get(foldKey(trimJoiners(part))));
    if (whole) used.add(whole);
    else if (parts.length > 1 && parts.every(Boolean)) for (const e of parts) used.add(e!);
    else if (!uncovered.has(foldKey(f.name)))
      uncovered.set(foldKey(f.name), { name: f.name, docId: f.docId, paragraph: f.paragraph });
  }
  const byEntries = new Set(mentions.map((m) => foldKey(m.text))).size;
  return {
    coverage: {
      names: byEntries + used.size + uncovered.size,
      byEntries,
      excluded: used.size,
      uncovered: [...uncovered.values()],
    },
    unused: exclusions.filter((e) => !used.has(e)),
  };
}
