/**
 * Finding quotes in their source. A quote must stand in its document exactly, after white space and
 * quote marks are normalised; anything else fails the build with the nearest text found, so a wrong
 * quote is fixed in seconds rather than shipped.
 */
import { fold, foldKey, type FoldedText } from '../text/normalize';
import type { Citation, Paragraph } from './types';

/** Straight quotes, one space for any run of white space: the only liberties a quote may take. */
export function quoteKey(s: string): string {
  return s
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface FoldedParagraph {
  paragraph: Paragraph;
  folded: FoldedText;
}

export function foldParagraphs(paragraphs: readonly Paragraph[]): FoldedParagraph[] {
  return paragraphs.map((paragraph) => ({ paragraph, folded: fold(paragraph.text) }));
}

type QuoteResult =
  | { ok: true; citation: Citation }
  | { ok: false; problem: string; nearest: { paragraph: number; text: string } | null };

/** Locates `quote` in one of `paragraphs` (those of one document). */
export function locateQuote(quote: string, docId: string, paragraphs: readonly FoldedParagraph[]): QuoteResult {
  const wanted = fold(quote).text.trim();
  if (!wanted) return { ok: false, problem: 'the quote is empty', nearest: null };
  let caseOrAccentMismatch: { paragraph: number; text: string } | null = null;
  for (const { paragraph, folded } of paragraphs) {
    let from = 0;
    for (let at = folded.text.indexOf(wanted, from); at !== -1; at = folded.text.indexOf(wanted, from)) {
      const start = folded.sourceIndex[at];
      let end = folded.sourceIndex[at + wanted.length];
      while (end > start && /\s/.test(paragraph.text[end - 1])) end--;
      const original = paragraph.text.slice(start, end);
      if (quoteKey(original) === quoteKey(quote)) {
        return { ok: true, citation: { docId, paragraph: paragraph.n, quote: original, start, end } };
      }
      caseOrAccentMismatch ??= { paragraph: paragraph.n, text: original };
      from = at + 1;
    }
  }
  if (caseOrAccentMismatch) {
    return {
      ok: false,
      problem: 'the quote differs from the text in case, accents or punctuation',
      nearest: caseOrAccentMismatch,
    };
  }
  return { ok: false, problem: 'the quote is not in the document', nearest: nearestText(wanted, paragraphs) };
}

/**
 * The passage that shares the longest run of words with the start or the end of the quote: enough to
 * show the author where the quote went wrong.
 */
function nearestText(
  wanted: string,
  paragraphs: readonly FoldedParagraph[],
): { paragraph: number; text: string } | null {
  const words = wanted.split(' ').filter(Boolean);
  let best: { paragraph: number; text: string; words: number } | null = null;
  const tryPart = (part: string, count: number) => {
    for (const { paragraph, folded } of paragraphs) {
      const at = folded.text.indexOf(part);
      if (at === -1) continue;
      if (!best || count > best.words) {
        const start = folded.sourceIndex[at];
        const snippetEnd = Math.min(paragraph.text.length, start + Math.max(wanted.length, 40) + 20);
        best = { paragraph: paragraph.n, text: paragraph.text.slice(start, snippetEnd), words: count };
      }
      return true;
    }
    return false;
  };
  // Longest matching prefix, then longest matching suffix, each by binary search over word counts.
  for (const fromEnd of [false, true]) {
    let lo = 1;
    let hi = words.length;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const part = (fromEnd ? words.slice(words.length - mid) : words.slice(0, mid)).join(' ');
      if (tryPart(part, mid)) lo = mid + 1;
      else hi = mid - 1;
    }
  }
  const found = best as { paragraph: number; text: string; words: number } | null;
  return found && found.words >= 2 ? { paragraph: found.paragraph, text: found.text } : null;
}

/** [start, end) of the sentence, or run of sentences, of `paragraph` that holds the quote at [start, end). */
export function sentencesOf(paragraph: Paragraph, start: number, end: number): [number, number] {
  // The quote's last character, not the one after it: a quote that ends a sentence ends there.
  const last = Math.max(start, end - 1);
  const first = paragraph.sentences.find(([, e]) => start < e) ?? [start, end];
  const final = [...paragraph.sentences].reverse().find(([s]) => s <= last) ?? first;
  return [Math.min(first[0], start), Math.max(final[1], end)];
}

/** The words of a text, folded ("Trọng's" → "trong", "s"). */
export function wordsOf(text: string): string[] {
  return foldKey(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Whether `text` holds the words of `phrase`, whole and in order. */
export function holdsPhrase(text: string, phrase: string): boolean {
  return ` ${wordsOf(text).join(' ')} `.includes(` ${wordsOf(phrase).join(' ')} `);
}
