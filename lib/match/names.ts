/**
 * Rules that read the words around a hit to tell a name from a longer name that contains it. In
 * sentence-case prose a capital is evidence: "Ho Chi Minh City" is a city, not the person, and
 * "Nguyễn Trọng Nghĩa" is not Trọng. In text where capitals carry no evidence (a title-cased headline,
 * text in capitals) the rules step aside. Each rule is general; what no rule can tell, a glossary entry
 * lists as a longer name it must not match (`not:` in corpus/glossary.yaml).
 */
import { CALENDAR_WORDS } from '../text/calendar';
import { onFirstUse } from '../on-first-use';
import { isWordCode, letterPattern } from '../text/normalize';
import { isTerminal } from '../text/sentences';

/** Words before a name that make it a title, not a longer name ("President Xi", "Presidents Xi and Ma"). */
const TITLES = new Set([
  'president',
  'presidents',
  'chairman',
  'premier',
  'secretary',
  'general',
  'minister',
  'leader',
  'chief',
  'vice',
  'state',
  'party',
  'comrade',
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'professor',
  'ambassador',
  'envoy',
  'uncle',
  'chinese',
  'vietnamese',
  'former',
  'deputy',
  'acting',
  // Vietnamese capitalised titles: "Chủ tịch Đảng Hồ Chí Minh", "Bác Hồ".
  'đảng',
  'bác',
  'nước',
]);

/** Capitalised words that stand before or after a name without joining it ("On Monday Xi said"). */
const CALENDAR = new Set(CALENDAR_WORDS);

/**
 * Vietnamese titles and honorifics, folded, of which one stands before a bare given name: in
 * Vietnamese prose a person is "ông Trọng" or "Tổng Bí thư Trọng", while a bare "Trọng", "Lâm" is a
 * word ("trọng tâm": focus; "lâm thời": provisional).
 */
const VIETNAMESE_HONORIFICS = new Set(['ong', 'ba', 'anh', 'chi', 'cu', 'bac', 'thu', 'tich', 'tuong', 'thong', 'pho']);

const upper = onFirstUse(() => /\p{Lu}/u);
/**
 * Characters that join two words of one name: a single space. A hyphen makes a compound of two names
 * instead ("China-Taiwan relations", "EU-Taiwan"), and punctuation ends a name.
 */
const JOINER = /^[ \u00a0]$/u;

function isCapitalised(word: string): boolean {
  const first = word.match(letterPattern())?.[0];
  return !!first && upper().test(first);
}

/** A letter, a mark or a digit, or an apostrophe (and, with `dot`, a full stop): a unit of a word as read here. */
function isWordUnit(code: number, dot: boolean): boolean {
  return isWordCode(code) || code === 0x27 || code === 0x2019 || (dot && code === 0x2e);
}

/** The word that ends right before `at` across one joiner, with where it starts; null if none. */
function wordBefore(text: string, at: number): { word: string; start: number } | null {
  if (at < 2 || !JOINER.test(text[at - 1])) return null;
  let start = at - 1;
  while (start > 0 && isWordUnit(text.charCodeAt(start - 1), true)) start--;
  const word = text.slice(start, at - 1);
  return letterPattern().test(word) ? { word, start } : null;
}

/** The word that starts right after `at` across one joiner; null if none. */
function wordAfter(text: string, at: number): string | null {
  if (at >= text.length - 1 || !JOINER.test(text[at])) return null;
  let end = at + 1;
  while (end < text.length && isWordUnit(text.charCodeAt(end), false)) end++;
  const word = text.slice(at + 1, end);
  return letterPattern().test(word) ? word : null;
}

/** Whether the word starting at `start` opens a sentence (its capital is the sentence's, not a name's). */
function opensSentence(text: string, start: number): boolean {
  let i = start - 1;
  // Past white space, quotes, brackets, bullets and citation marks ("…Xi Jinping.[106] Under Xi").
  while (i >= 0 && /[\s"'“”‘’()[\]«»*•·–—\d-]/u.test(text[i])) {
    i--;
  }
  return i < 0 || isTerminal(text.charCodeAt(i));
}

/** Lower-cased, without a possessive or a final full stop ("Vietnam's" → "vietnam"). */
function bare(word: string): string {
  return word
    .toLowerCase()
    .replace(/['’]s$/u, '')
    .replace(/\.$/, '');
}

/** Longest text judged as a heading or a headline; longer text is prose, where capitals tell names. */
const HEADLINE_LENGTH = 160;

/** Short words that a title-cased headline may leave in lower case. */
// prettier-ignore
const HEADLINE_SMALL_WORDS = new Set([
  'with', 'from', 'into', 'onto', 'over', 'upon', 'amid', 'about', 'after', 'than', 'that', 'this', 'across', 'between',
  'against', 'during', 'under', 'without',
]);

/**
 * Text in which capitals carry no evidence: a short heading or headline in title case ("Xi Jinping
 * Arrives In Hanoi", "Taiwan Commercial Relations") or in capitals: short, with no full stop at the
 * end, and every word of four letters or more capitalised but for a few small ones. Prose, even
 * short, has lower-case words or ends a sentence ("Vietnam hosted the Asia-Pacific Economic
 * Cooperation summit."), and there capitals tell names.
 */
export function capitalsCarryNoEvidence(text: string): boolean {
  if (text.length > HEADLINE_LENGTH || /[.!?:;]\W*$/u.test(text.trimEnd())) return false;
  const words = text.match(/\p{L}{4,}/gu) ?? [];
  return words.length >= 2 && words.every((w) => isCapitalised(w) || HEADLINE_SMALL_WORDS.has(w));
}

/** Whether [start, end) is inside an address ("https://example.com/Taiwan-news", "www.…"). */
export function isInsideAddress(text: string, start: number, end: number): boolean {
  let from = start;
  while (from > 0 && !/\s/u.test(text[from - 1])) from--;
  let to = end;
  while (to < text.length && !/\s/u.test(text[to])) to++;
  return /:\/\/|^www\./iu.test(text.slice(from, to));
}

/**
 * Words that follow a party's, a state's or a region's name without making a longer name of it:
 * "Communist Party of Vietnam Central Committee", "CPC General Secretary", "Taiwan Prime Minister",
 * "Asia-Pacific Region".
 */
// prettier-ignore
const ORGANS = new Set([
  'central', 'committee', 'committees', 'politburo', 'secretariat', 'congress', 'plenum', 'general', 'secretary',
  'chairman', 'president', 'premier', 'prime', 'minister', 'leader', 'leaders', 'leadership', 'delegation',
  'government', 'party', 'region',
]);

/**
 * Whether the match [start, end) is part of a longer proper name, in sentence-case text:
 * - a capitalised word follows it ("Ho Chi Minh City", "Asia-Pacific Economic Cooperation"), unless
 *   `followersAllowed` (an acronym used attributively: "CPV delegation"), the word is an organ or a
 *   title ("Communist Party of Vietnam Central Committee"), a date, or the start of another known name
 *   (`startsName`: "President of the Socialist Republic of Vietnam Vo Van Thuong");
 * - for a one-word match, a capitalised word precedes it that does not open the sentence and is not a
 *   title or a date ("Amstrad CPC", "South Tibet", "Trương Thị Trong", "Wei-Haur Lam"). Longer names
 *   are often run into a title ("Communist Party of Vietnam Committee Nguyen Phu Trong"), so are let be.
 */
export function isInsideLongerName(
  text: string,
  start: number,
  end: number,
  followersAllowed: boolean,
  startsName: (at: number) => boolean,
): boolean {
  if (!followersAllowed) {
    const after = wordAfter(text, end);
    if (
      after &&
      isCapitalised(after) &&
      !CALENDAR.has(bare(after)) &&
      !ORGANS.has(bare(after)) &&
      !startsName(end + 1)
    ) {
      return !capitalsCarryNoEvidence(text);
    }
  }
  if (/[\s\u00a0\u2010-\u2015-]/u.test(text.slice(start, end))) return false;
  const before = wordBefore(text, start);
  if (before && isCapitalised(before.word) && !opensSentence(text, before.start)) {
    const word = bare(before.word);
    // A full stop after the word ends a sentence, unless the word is a title ("Mr. Xi").
    if (before.word.endsWith('.') && !TITLES.has(word)) return false;
    if (!TITLES.has(word) && !CALENDAR.has(word) && !/['’]s$/u.test(before.word)) return !capitalsCarryNoEvidence(text);
  }
  return false;
}

/**
 * After "the", a bare name is a person only where it qualifies the next word ("the Xi administration",
 * "the Xi–Li Administration"); "the Xi, the Mekong" is a river.
 */
export function qualifiesNextWord(text: string, end: number): boolean {
  return /^(?:[ \u00a0\u2010-\u2014-]+)\p{L}/u.test(text.slice(end, end + 3));
}

/**
 * In Vietnamese prose, whether a bare given name stands after a title or an honorific ("ông Trọng",
 * "Tổng Bí thư Trọng", "đồng chí Lâm"); `foldedBefore` is the folded text before the hit.
 */
export function followsVietnameseHonorific(foldedBefore: string): boolean {
  const words = foldedBefore.trimEnd().split(' ');
  return VIETNAMESE_HONORIFICS.has(words[words.length - 1] ?? '');
}
