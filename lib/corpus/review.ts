/**
 * What an editor checks in the glossary beyond "the quote stands in its document": a label says what
 * its entry is (a phrase from a sentence that names the entry, not someone's claim), a fact names its
 * entry, and a quote that keeps a source's error carries a note that says so.
 */
import { foldKey } from '../text/normalize';
import { SPEECH_VERBS } from './attribution';
import { holdsPhrase, sentencesOf, wordsOf } from './quotes';
import type { Citation, Mention, Paragraph } from './types';

/** Verbs that make a phrase someone's position rather than a description ("recognizes Taiwan as…"). */
const CLAIM_VERBS = new Set([
  ...SPEECH_VERBS,
  'recognizes',
  'recognized',
  'upholds',
  'upheld',
  'supports',
  'supported',
  'opposes',
  'opposed',
  'claims',
  'claimed',
  'regards',
  'regarded',
  'considers',
  'considered',
  'insists',
  'insisted',
  'denies',
  'denied',
  'accuses',
  'accused',
  'condemns',
  'condemned',
]);

/** A name the source scrubbed: Xi's name is "**" or ":*" in one interview. */
const SCRUBBED_NAME = /(?:^|\s)\*\*(?=\s|$)|:\*/u;

const ARTICLES = new Set(['a', 'an', 'the', 'of']);

/** How a text names the author of its document ("The author is a professor…"). */
const THE_AUTHOR = 'the author';

/** The source's errors a quote keeps verbatim: misspellings the glossary lists, and scrubbed names. */
export function sourceErrorsIn(quote: string, misspellings: readonly string[]): string[] {
  return [
    ...misspellings.filter((m) => holdsPhrase(quote, m)).map((m) => `"${m}"`),
    ...(SCRUBBED_NAME.test(quote) ? ['a scrubbed name ("**" or ":*")'] : []),
  ];
}

/** What the review of a label reads besides the label: its entry, the entry's names, and the document. */
interface LabelContext {
  entryId: string;
  /** The entry's name and aliases. */
  names: readonly string[];
  /** Whether the entry wrote the document the label comes from. */
  isAuthor: boolean;
  /** Every mention in the corpus. */
  mentions: readonly Mention[];
  /** The source's errors the label holds (sourceErrorsIn). */
  errors: readonly string[];
}

/** Problems with a label, each saying what to fix. */
export function labelProblems(label: Citation, paragraph: Paragraph, context: LabelContext): string[] {
  const problems: string[] = [];
  const [from, to] = sentencesOf(paragraph, label.start, label.end);
  if (/[.!?]["”’)]*$/u.test(label.quote) || (label.start <= from && label.end >= to - 1)) {
    problems.push('a label is a phrase that says what the entry is, not a sentence');
  }
  // What the label says besides the entry's own names: "the Communist Party of Vietnam (CPV)" says nothing.
  let rest = ` ${wordsOf(label.quote).join(' ')} `;
  for (const name of [...context.names].sort((a, b) => b.length - a.length))
    rest = rest.split(` ${wordsOf(name).join(' ')} `).join(' ');
  if (!rest.split(' ').some((w) => w && !ARTICLES.has(w)))
    problems.push('the label only names the entry: quote what it is, or leave the label out');
  const claims = wordsOf(label.quote).filter((w) => CLAIM_VERBS.has(w));
  if (claims.length)
    problems.push(
      `"${claims.join('", "')}" makes the label someone's statement, not a description: quote a defining phrase, or leave the label out`,
    );
  if (context.errors.length)
    problems.push(
      `a label cannot keep a source's error (${context.errors.join(', ')}): quote another phrase, or leave the label out`,
    );
  const here = context.mentions.filter((m) => m.docId === label.docId && m.paragraph === label.paragraph);
  const named =
    here.some((m) => m.entryId === context.entryId && m.start >= from && m.end <= to) ||
    (context.isAuthor && holdsPhrase(paragraph.text.slice(from, to), THE_AUTHOR));
  if (!named)
    problems.push(
      'the sentence the label comes from does not name the entry: a label is quoted from a sentence that defines it',
    );
  // "Gao Lei, a special commentator for CGTN": a phrase in apposition to another entry's name says what that entry is.
  const other = here.find(
    (m) =>
      m.entryId !== context.entryId &&
      m.end <= label.start &&
      /^\s*,\s*$/u.test(paragraph.text.slice(m.end, label.start)),
  );
  if (other)
    problems.push(
      `the label stands in apposition to "${other.text}" (entry "${other.entryId}"): it says what that entry is`,
    );
  return problems;
}

/**
 * Whether a fact names its entry: a mention in the quote, or the words that stand for it, which the
 * glossary declares (`pronoun: he`, `pronoun: these reforms`), in the quote with a mention in the same
 * paragraph. "The author" stands for the document's author wherever it is.
 */
export function factNamesEntry(
  fact: Citation,
  pronoun: string | undefined,
  mentions: readonly Mention[],
  isAuthor: boolean,
): boolean {
  const here = mentions.filter((m) => m.docId === fact.docId && m.paragraph === fact.paragraph);
  if (here.some((m) => m.start >= fact.start && m.end <= fact.end)) return true;
  if (!pronoun || !holdsPhrase(fact.quote, pronoun)) return false;
  return here.length > 0 || (isAuthor && foldKey(pronoun) === THE_AUTHOR);
}
