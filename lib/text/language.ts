/**
 * Tells Vietnamese-language text from text that merely quotes a Vietnamese name. In Vietnamese,
 * "trong" means "in" and "đổi mới" means "renewal", so the matcher is stricter there.
 */
import { onFirstUse } from '../on-first-use';
import { letterPattern } from './normalize';

/** Letters that occur in Vietnamese orthography and almost nowhere else, in both cases. */
const vietnameseLetters = onFirstUse(
  () =>
    new Set(
      Array.from('ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ', (ch) => [ch, ch.toUpperCase()])
        .flat()
        .map((ch) => ch.charCodeAt(0)),
    ),
);
// eslint-disable-next-line no-control-regex -- the ASCII range starts at NUL on purpose
const NON_ASCII = /[^\x00-\x7f]/;

/** How much of a text to look at: enough for a verdict, bounded for long blocks. */
const SAMPLE_LENGTH = 2000;
/**
 * Share of letters that must be Vietnamese-specific. Vietnamese prose runs at 15–25 %; an English
 * paragraph naming "Nguyễn Phú Trọng" once stays far below 5 %.
 */
const VIETNAMESE_SHARE = 0.05;
/** Fewer letters than this is too little text to tell: a name on its own is not a language. */
const MIN_LETTERS = 12;

/**
 * One pass over the sample, code unit by code unit: a letter of ASCII or a Vietnamese one is told
 * without a regular expression (the scan asks this of every run that holds a candidate, on pages
 * that do not say their language).
 */
export function looksVietnamese(text: string): boolean {
  // Every Vietnamese-specific letter is outside ASCII: plain ASCII text (most English) is answered at once.
  if (!NON_ASCII.test(text)) return false;
  const end = Math.min(text.length, SAMPLE_LENGTH);
  const vietnameseLetter = vietnameseLetters();
  const isLetter = letterPattern();
  let letters = 0;
  let vietnamese = 0;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      const lower = code | 0x20;
      if (lower >= 0x61 && lower <= 0x7a) letters++;
    } else if (vietnameseLetter.has(code)) {
      letters++;
      vietnamese++;
    } else {
      const point = text.codePointAt(i)!;
      if (point > 0xffff) i++;
      if (isLetter.test(String.fromCodePoint(point))) letters++;
    }
  }
  return letters >= MIN_LETTERS && vietnamese / letters >= VIETNAMESE_SHARE;
}

/** True when a BCP 47 language tag names Vietnamese. */
export function isVietnameseTag(tag: string | null | undefined): boolean {
  return !!tag && /^vi(-|$)/i.test(tag.trim());
}
