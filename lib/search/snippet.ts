/**
 * Snippets for search results: a stretch of the original text around the words of the query, with
 * those words marked. Matching goes through the shared normalizer, so "to lam" marks "Tô Lâm".
 */
import { fold, isWordChar } from '../text/normalize';

export interface Snippet {
  text: string;
  /** Ranges of `text` to emphasise. */
  marks: [number, number][];
  /** Whether text was cut before / after the snippet. */
  cutStart: boolean;
  cutEnd: boolean;
}

/** Ranges of `text` where a word of `query` (two letters or more) begins a word. */
function queryMarks(text: string, query: string): [number, number][] {
  const words = fold(query)
    .text.split(' ')
    .filter((w) => w.length >= 2);
  if (!words.length) return [];
  const folded = fold(text);
  const marks: [number, number][] = [];
  for (const word of words) {
    for (let at = folded.text.indexOf(word); at !== -1; at = folded.text.indexOf(word, at + 1)) {
      if (at > 0 && isWordChar(folded.text[at - 1])) continue;
      marks.push([folded.sourceIndex[at], folded.sourceIndex[at + word.length]]);
    }
  }
  marks.sort((a, b) => a[0] - b[0]);
  // Overlapping marks (one query word inside another) merge.
  const merged: [number, number][] = [];
  for (const m of marks) {
    const last = merged[merged.length - 1];
    if (last && m[0] <= last[1]) last[1] = Math.max(last[1], m[1]);
    else merged.push([m[0], m[1]]);
  }
  return merged;
}

/** About `width` characters of `text` around its first mark, cut at word boundaries. */
export function snippet(text: string, query: string, width = 180): Snippet {
  const marks = queryMarks(text, query);
  if (text.length <= width) return { text, marks, cutStart: false, cutEnd: false };
  const centre = marks[0]?.[0] ?? 0;
  let start = Math.max(0, Math.min(centre - Math.floor(width / 3), text.length - width));
  let end = Math.min(text.length, start + width);
  while (start > 0 && text[start - 1] !== ' ') start--;
  while (end < text.length && text[end] !== ' ') end++;
  return {
    text: text.slice(start, end),
    marks: marks.filter(([a, b]) => a >= start && b <= end).map(([a, b]) => [a - start, b - start]),
    cutStart: start > 0,
    cutEnd: end < text.length,
  };
}
