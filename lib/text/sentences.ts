/**
 * The sentence around a position, for evidence that must stand in the same sentence. A sentence ends
 * at ".", "!" or "?" followed by white space and a capital, a quote or a bracket (a line break inside a
 * block is white space, as the browser shows it);
 * a full stop after a short capitalised word ("Dec.", "Mr.", "U.S.") or a single letter does not end
 * one. Erring towards longer sentences only widens where evidence is looked for a little.
 */
import { onFirstUse } from '../on-first-use';

/** What a sentence opens with: a capital, a quote or a bracket. */
const opener = onFirstUse(() => /[\p{Lu}"“‘'([«]/u);

/** ".", "!", "?" and their full-width forms: read as code units, as every unit of a sentence is asked. */
export function isTerminal(code: number): boolean {
  return code === 0x2e || code === 0x21 || code === 0x3f || code === 0x3002 || code === 0xff01 || code === 0xff1f;
}

function endsSentence(text: string, i: number): boolean {
  if (!isTerminal(text.charCodeAt(i))) return false;
  const ch = text[i];
  if (ch === '。' || ch === '！' || ch === '？') return true;
  let j = i + 1;
  while (j < text.length && /["”’')\]»]/u.test(text[j])) j++;
  if (j < text.length && !/\s/u.test(text[j])) return false;
  while (j < text.length && /\s/u.test(text[j])) j++;
  if (j < text.length && !opener().test(text[j])) return false;
  if (ch === '.') {
    // The word before the full stop: an abbreviation or an initial does not end a sentence.
    let k = i;
    while (k > 0 && /[\p{L}.]/u.test(text[k - 1])) k--;
    const word = text.slice(k, i);
    if (/^\p{Lu}[\p{L}.]{0,3}$/u.test(word) && !/^\p{Lu}{2,}$/u.test(word)) return false;
  }
  return true;
}

/** [start, end) of the sentence of `text` that holds [from, to). */
export function sentenceAround(text: string, from: number, to: number): [number, number] {
  let start = from;
  while (start > 0 && !endsSentence(text, start - 1)) start--;
  while (start < from && /\s/u.test(text[start])) start++;
  let end = to;
  while (end < text.length && !endsSentence(text, end)) end++;
  return [start, Math.min(text.length, end + 1)];
}
