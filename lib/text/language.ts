/**
 * Tells Vietnamese-language text from text that merely quotes a Vietnamese name. In Vietnamese,
 * "trong" means "in" and "đổi mới" means "renewal", so the matcher is stricter there.
 */

/** Letters that occur in Vietnamese orthography and almost nowhere else. */
const VIETNAMESE_LETTERS = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/giu;
const LETTERS = /\p{L}/gu;

/** How much of a text to look at: enough for a verdict, bounded for long blocks. */
const SAMPLE_LENGTH = 2000;
/**
 * Share of letters that must be Vietnamese-specific. Vietnamese prose runs at 15–25 %; an English
 * paragraph naming "Nguyễn Phú Trọng" once stays far below 5 %.
 */
const VIETNAMESE_SHARE = 0.05;

// eslint-disable-next-line no-control-regex -- the ASCII range starts at NUL on purpose
const NON_ASCII = /[^\x00-\x7f]/;

export function looksVietnamese(text: string): boolean {
  const sample = text.length > SAMPLE_LENGTH ? text.slice(0, SAMPLE_LENGTH) : text;
  // Every Vietnamese-specific letter is outside ASCII: plain ASCII text is answered at once.
  if (!NON_ASCII.test(sample)) return false;
  const letters = sample.match(LETTERS)?.length ?? 0;
  if (letters < 12) return false; // too little text to tell: a name on its own is not a language
  const vietnamese = sample.match(VIETNAMESE_LETTERS)?.length ?? 0;
  return vietnamese / letters >= VIETNAMESE_SHARE;
}

/** True when a BCP 47 language tag names Vietnamese. */
export function isVietnameseTag(tag: string | null | undefined): boolean {
  return !!tag && /^vi(-|$)/i.test(tag.trim());
}
