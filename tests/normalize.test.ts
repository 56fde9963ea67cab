import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fold,
  foldCodePoint,
  foldKey,
  isUnspacedCode,
  isWordChar,
  isWordCode,
  learnUnit,
  learnSharedUnits,
  sharedUnitEntries,
  UNIT_KIND_BITS,
  UNIT_TABLE,
} from '../lib/text/normalize';
import { looksVietnamese } from '../lib/text/language';

describe('fold', () => {
  it('treats every ASCII white-space character as a gap, the vertical tab too', () => {
    expect(fold('Doi\u000bMoi').text).toBe('doi moi');
    expect(fold('Doi\u000b\t Moi').text).toBe('doi moi');
  });

  it('reads a lone high surrogate alone: it does not swallow the pair after it', () => {
    // U+2F800, a compatibility ideograph outside the BMP, folds to U+4E3D.
    expect(fold('\ud800\u{2F800}江').text).toBe('\ud800丽江');
  });

  it('folds case, diacritics, đ, quotes, hyphens and spaces', () => {
    expect(foldKey('Đổi Mới')).toBe('doi moi');
    expect(foldKey('Doi-Moi')).toBe('doi moi');
    expect(foldKey('Doi \u2013  Moi')).toBe('doi moi');
    expect(foldKey('Nguyễn Phú Trọng')).toBe('nguyen phu trong');
    expect(foldKey('China\u2019s “reform”')).toBe('china\'s "reform"');
    expect(foldKey('Xi\u00a0Jinping')).toBe('xi jinping');
    expect(foldKey('Xi\u00adJin\u200bping')).toBe('xijinping');
  });

  it('treats decomposed (NFD) and composed (NFC) input alike', () => {
    const nfd = 'Nguyễn Phú Trọng'.normalize('NFD');
    expect(foldKey(nfd)).toBe('nguyen phu trong');
  });

  it('maps folded ranges back to the original text, including dropped marks', () => {
    const original = 'Ông Tro\u0323ng  said';
    const f = fold(original);
    const at = f.text.indexOf('trong');
    expect(original.slice(f.sourceIndex[at], f.sourceIndex[at + 5])).toBe('Tro\u0323ng');
    expect(f.sourceIndex[f.text.length]).toBe(original.length);
  });

  it('property: source offsets are non-decreasing and within the original', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 })),
        (s) => {
          const f = fold(s);
          expect(f.sourceIndex.length).toBe(f.text.length + 1);
          for (let i = 1; i < f.sourceIndex.length; i++)
            expect(f.sourceIndex[i]).toBeGreaterThanOrEqual(f.sourceIndex[i - 1]);
          expect(f.sourceIndex[f.text.length]).toBe(s.length);
          for (let i = 0; i < f.text.length; i++) expect(f.sourceIndex[i]).toBeLessThan(s.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: a folded substring maps back to an original slice that folds to it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }), fc.nat(), fc.nat(), (s, a, b) => {
        const f = fold(s);
        if (!f.text.length) return;
        const start = a % f.text.length;
        const end = start + 1 + (b % (f.text.length - start));
        // Ranges are only ever taken between source characters; skip ones that cut through the fold
        // of one (the two units of a surrogate pair, the two jamo a Hangul syllable decomposes into).
        const cutsOneCharacter = (i: number) => i > 0 && i < f.text.length && f.sourceIndex[i] === f.sourceIndex[i - 1];
        if (cutsOneCharacter(start) || cutsOneCharacter(end)) return;
        const slice = s.slice(f.sourceIndex[start], f.sourceIndex[end]);
        // Folding the slice alone reproduces the folded range, up to spaces at its edges.
        expect(fold(slice).text.trim()).toBe(f.text.slice(start, end).trim());
      }),
      { numRuns: 300 },
    );
  });

  it('knows word characters in any script', () => {
    expect(isWordChar('a')).toBe(true);
    expect(isWordChar('ọ')).toBe(true);
    expect(isWordChar('中')).toBe(true);
    expect(isWordChar(' ')).toBe(false);
    expect(isWordChar("'")).toBe(false);
    expect(isWordChar(undefined)).toBe(false);
  });
});

describe('code units, folded one at a time', () => {
  it('every ASCII unit, and every shared one, folds in the table as foldCodePoint folds it', () => {
    for (let code = 0; code < 0x80; code++) {
      const entry = UNIT_TABLE[code];
      expect(String.fromCharCode(entry >>> UNIT_KIND_BITS), `U+${code.toString(16)}`).toBe(
        foldCodePoint(String.fromCharCode(code)),
      );
    }
    const entries = sharedUnitEntries();
    expect(fold('Đổi Mới “Tô Lâm” – Hà Nội').text).toBe('doi moi "to lam" ha noi');
    // A frame takes the entries learnt in the background; other lengths are refused.
    expect(learnSharedUnits(entries)).toBe(true);
    expect(learnSharedUnits(entries.subarray(1))).toBe(false);
    expect(fold('Đổi Mới “Tô Lâm” – Hà Nội').text).toBe('doi moi "to lam" ha noi');
  });

  it('property: a unit is a word unit, or a letter of a script without spaces, as the Unicode classes say, asked once or again', () => {
    const word = /[\p{L}\p{N}\p{M}]/u;
    const unspaced =
      /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffff }), fc.boolean(), (code, unspacedFirst) => {
        const ch = String.fromCharCode(code);
        // Either question first: each is learnt apart, and the other's answer must not leak into it.
        for (let round = 0; round < 2; round++) {
          if (unspacedFirst) expect(isUnspacedCode(code)).toBe(code >= 0x0e00 && unspaced.test(ch));
          expect(isWordCode(code)).toBe(word.test(ch));
          expect(isUnspacedCode(code)).toBe(code >= 0x0e00 && unspaced.test(ch));
        }
      }),
      { numRuns: 5000 },
    );
    expect(isWordCode(-1)).toBe(false);
  });

  it('every code unit is a word unit, or a letter of a script without spaces, as the Unicode classes say, once its fold is in the table too', () => {
    const word = /[\p{L}\p{N}\p{M}]/u;
    const unspaced =
      /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
    const wrong: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      // Folded (its entry learnt), the unit is answered from the table where the entry tells.
      if (!UNIT_TABLE[code]) learnUnit(code);
      const ch = String.fromCharCode(code);
      if (isWordCode(code) !== word.test(ch) || isUnspacedCode(code) !== (code >= 0x0e00 && unspaced.test(ch)))
        wrong.push(`U+${code.toString(16)}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('telling Vietnamese prose from text that quotes a Vietnamese name', () => {
  it('reads the share of Vietnamese letters, in either case, and wants enough letters to tell', () => {
    expect(looksVietnamese('Đảng Cộng sản Việt Nam là đảng cầm quyền tại Việt Nam.')).toBe(true);
    expect(looksVietnamese('ĐẢNG CỘNG SẢN VIỆT NAM LÀ ĐẢNG CẦM QUYỀN TẠI VIỆT NAM.')).toBe(true);
    expect(looksVietnamese('General Secretary Nguyễn Phú Trọng met the Chinese delegation in Hanoi on Tuesday.')).toBe(
      false,
    );
    expect(looksVietnamese('Phú Trọng')).toBe(false); // a name on its own is not a language
    expect(looksVietnamese('Plain English prose with no accents at all, long enough to tell.')).toBe(false);
    expect(looksVietnamese('Le président a rencontré les élèves à l’école, après la réunion générale.')).toBe(false);
    // Letters outside the Basic Multilingual Plane count once each: 𝐀 is one letter, not two.
    expect(looksVietnamese(`${'𝐀'.repeat(200)} Việt Nam`)).toBe(false);
    expect(looksVietnamese(`${'𝐀'.repeat(30)} Đảng Cộng sản Việt Nam là đảng cầm quyền`)).toBe(true);
    // Only the beginning of a long block is read.
    expect(looksVietnamese(`${'word '.repeat(500)}Đảng Cộng sản Việt Nam là đảng cầm quyền`)).toBe(false);
  });
});
