/**
 * Who speaks in a passage of a corpus document, and where a quote may be cut. News reports give
 * speech to a speaker ("…, Xi said", "Trong said that …", "he added"); an interview marks each answer
 * with the speaker's name ("Nie Huihui: …") and the answer runs on until the next question. A fact
 * must keep who speaks: in its own words, or in a `speaker` the text names beside it. A sentence
 * that reports no one's words is the document's own narration, and the card says whose (its outlet
 * or author).
 */
import { holdsPhrase, sentencesOf, wordsOf } from './quotes';
import type { Fact, Genre, Paragraph } from './types';

/** Verbs that give words to a speaker. */
export const SPEECH_VERBS = [
  'said',
  'says',
  'added',
  'adding',
  'continued',
  'noted',
  'noting',
  'stressed',
  'stressing',
  'emphasized',
  'expressed',
  'believe',
  'believes',
  'believed',
  'hoped',
  'hopes',
  'hoping',
  'told',
  'stated',
  'declared',
  'affirmed',
  'reaffirmed',
  'underscored',
  'urged',
  'thanked',
  'welcomed',
  'pointed',
  'called',
  'calling',
];

const NAME = String.raw`\p{Lu}[\p{L}\p{M}\p{N}'’-]*(?:\s+\p{Lu}[\p{L}\p{M}\p{N}'’-]*)*`;
const ADVERB = String.raw`(?:\s+(?:also|further|then|again|once\s+again|\p{Ll}+ly))?`;
const VERB = `(?:${SPEECH_VERBS.join('|')})`;
/** "Xi said", "Trong warmly welcomed", "The Leaders underscored". */
const NAME_THEN_VERB = new RegExp(String.raw`(${NAME})${ADVERB}\s+${VERB}\b`, 'gu');
/** "…, said Xi." */
const VERB_THEN_NAME = new RegExp(String.raw`\b(?:said|added|continued)\s+(${NAME})(?=\s*[.,;]|$)`, 'gu');
const PRONOUN = /^(?:he|she|they)$/iu;
/** "he said", "they believe". */
const PRONOUN_THEN_VERB = new RegExp(String.raw`\b(he|she|they)${ADVERB}\s+${VERB}\b`, 'giu');
/** An interview's answer or question label at the start of a paragraph: "Nie Huihui:", "Wisdom:". */
const INTERVIEW_LABEL = new RegExp(String.raw`^(${NAME})["”]?:\s+`, 'u');
/** An interviewer's turn: a question, or a request ("Please analyze…"). */
const QUESTION = /\?|\bPlease\b/;
const SPEECH_WORD = new RegExp(String.raw`^${VERB}$`, 'iu');

/** Words given to a speaker in a paragraph: the range of the phrase that gives them, and to whom. */
interface Voice {
  start: number;
  end: number;
  /** The speaker as the text names them; null for "they", which only the curator can name. */
  name: string | null;
  /** Named in this phrase ("Xi said"), or by a pronoun or an interview's label. */
  named: boolean;
}

interface ParagraphVoices {
  voices: Voice[];
  /** Where the paragraph's text begins after an interview label ("Nie Huihui: "). */
  bodyStart: number;
}

/** The voices of every paragraph of one document, pronouns resolved to the speaker last named. */
export class DocumentVoices {
  private readonly byParagraph = new Map<number, ParagraphVoices>();

  constructor(
    private readonly paragraphs: readonly Paragraph[],
    genre: Genre | undefined,
  ) {
    let lastNamed: string | null = null;
    let answering: string | null = null;
    for (const p of paragraphs) {
      const voices: Voice[] = [];
      const label = p.text.match(INTERVIEW_LABEL);
      const bodyStart = label ? label[0].length : 0;
      if (genre === 'interview') {
        // An answer runs on over the paragraphs after it, until the interviewer speaks again.
        if (label) answering = label[1];
        else if (QUESTION.test(p.text)) answering = null;
        if (answering) voices.push({ start: 0, end: bodyStart, name: answering, named: !!label });
      }
      const found: Voice[] = [];
      for (const m of p.text.matchAll(NAME_THEN_VERB)) {
        // "He said" at a sentence's start is a pronoun, which PRONOUN_THEN_VERB finds.
        if (!PRONOUN.test(m[1])) found.push({ start: m.index, end: m.index + m[0].length, name: m[1], named: true });
      }
      for (const m of p.text.matchAll(VERB_THEN_NAME))
        found.push({ start: m.index, end: m.index + m[0].length, name: m[1], named: true });
      for (const m of p.text.matchAll(PRONOUN_THEN_VERB))
        found.push({ start: m.index, end: m.index + m[0].length, name: null, named: false });
      for (const v of found.sort((a, b) => a.start - b.start)) {
        if (v.named) lastNamed = v.name;
        else if (!/^they/i.test(p.text.slice(v.start, v.end))) v.name = lastNamed;
        voices.push(v);
      }
      if (answering) lastNamed = answering;
      this.byParagraph.set(p.n, { voices, bodyStart });
    }
  }

  paragraph(n: number): Paragraph | undefined {
    return this.paragraphs.find((p) => p.n === n);
  }

  /**
   * Who speaks in the quote at [start, end) of paragraph `n`, and whether it is cut short, or the problem
   * with it. `speaker` is the curator's, checked against the text.
   */
  attribute(
    n: number,
    start: number,
    end: number,
    speaker: string | undefined,
  ): Pick<Fact, 'attribution' | 'truncated'> | { problem: string } {
    const p = this.paragraph(n)!;
    const { voices, bodyStart } = this.byParagraph.get(n)!;
    const text = p.text;
    const [sentenceFrom, to] = sentencesOf(p, start, end);
    const from = Math.max(sentenceFrom, Math.min(bodyStart, start));
    const cutStart = !/^[\s"“‘'([–—-]*$/u.test(text.slice(from, start));
    const cutEnd = !/^[\s.!?,;:"”’')\]…]*$/u.test(text.slice(end, to));
    if (cutStart) {
      const dropped = attributionBefore(text.slice(from, start)) ?? attributionAtStart(text.slice(start, end));
      return {
        problem: dropped
          ? `the quote is cut after "${dropped}", which says who speaks: a fact keeps its speaker, so start it where its sentence starts`
          : `a fact starts where its sentence starts, so that it keeps its subject: the sentence begins "${ellipsis(text.slice(from, end), 60)}"`,
      };
    }
    if (cutEnd) {
      const dropped = attributionAtStart(text.slice(end, to));
      if (dropped && !attributionAtEnd(text.slice(start, end))) {
        return { problem: `the quote is cut before "${dropped}", which says who speaks: end it after those words` };
      }
    }
    const cut = cutEnd ? { truncated: true as const } : {};
    const inSentence = voices.filter(
      (v) => (v.start < to && v.end > from) || (v.start === 0 && v.end === bodyStart && v.name),
    );
    const inQuote = inSentence.filter((v) => v.named && v.start >= start && v.end <= end);
    if (inQuote.length) {
      if (speaker && !inQuote.some((v) => sameSpeaker(v.name!, speaker))) {
        return {
          problem: `the quote names its speaker, ${inQuote.map((v) => `"${v.name}"`).join(', ')}, not "${speaker}"`,
        };
      }
      return cut;
    }
    if (!inSentence.length) {
      if (speaker)
        return {
          problem: `the sentence gives no one's words: it is the document's own narration (leave out speaker "${speaker}")`,
        };
      return { attribution: 'narration', ...cut };
    }
    const names = [...new Set(inSentence.map((v) => v.name).filter((name): name is string => !!name))];
    if (!speaker) {
      return {
        problem: `the sentence gives these words to ${names.length ? names.map((x) => `"${x}"`).join(' or ') : 'someone it names by a pronoun'}: keep the speaker in the quote, or give "speaker"`,
      };
    }
    const theyNamed =
      inSentence.some((v) => v.name === null) && speaker.split(/\s+and\s+/).every((part) => this.namesNear(n, part));
    if (names.some((name) => sameSpeaker(name, speaker)) || theyNamed) return { attribution: { speaker }, ...cut };
    return {
      problem: `the text gives these words to ${names.map((x) => `"${x}"`).join(' or ') || 'speakers it does not name'}, not to "${speaker}"`,
    };
  }

  /** Whether paragraph `n` or one of the two before it names `name` (whom "they" may stand for). */
  private namesNear(n: number, name: string): boolean {
    return [n - 2, n - 1, n].some((k) => {
      const p = this.paragraph(k);
      return !!p && holdsPhrase(p.text, name);
    });
  }
}

/** Two ways of naming one speaker: one name ends the other ("Trong", "General Secretary Trong"). */
function sameSpeaker(a: string, b: string): boolean {
  const [x, y] = [wordsOf(a).join(' '), wordsOf(b).join(' ')].sort((p, q) => p.length - q.length);
  return y === x || y.endsWith(` ${x}`);
}

const words = (text: string): string[] => text.split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean);

/** The attribution ending the text before a cut ("he said, adding that"), within its last four words. */
function attributionBefore(text: string): string | null {
  const last = words(text).slice(-4);
  return last.some((w) => SPEECH_WORD.test(w)) ? last.join(' ') : null;
}

/** The attribution at the start of a text ("adding that…", "Xi said"), within its first four words. */
function attributionAtStart(text: string): string | null {
  const first = words(text).slice(0, 4);
  const verb = first.findIndex((w) => SPEECH_WORD.test(w));
  return verb === -1 ? null : first.slice(0, verb + 1).join(' ');
}

/** Whether the text ends with an attribution of its own ("…, Trong said"). */
function attributionAtEnd(text: string): boolean {
  return words(text)
    .slice(-3)
    .some((w) => SPEECH_WORD.test(w));
}

function ellipsis(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length).trimEnd()}…` : text;
}
