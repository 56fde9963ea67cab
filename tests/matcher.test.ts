import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PageEvidence, type EvidenceRules } from '../lib/match/evidence';
import { buildMatcher, scan, type AliasSpec } from '../lib/match/matcher';
import { foldKey } from '../lib/text/normalize';

const aliases: AliasSpec[] = [
  { entryId: 'nguyen-phu-trong', text: 'Nguyen Phu Trong', caseRule: 'name' },
  { entryId: 'nguyen-phu-trong', text: 'Nguyễn Phú Trọng', caseRule: 'name' },
  { entryId: 'nguyen-phu-trong', text: 'Trong', caseRule: 'name', needs: 'entry' },
  { entryId: 'nguyen-phu-trong', text: 'Trọng', caseRule: 'name', needs: 'entry' },
  { entryId: 'to-lam', text: 'To Lam', caseRule: 'name' },
  { entryId: 'pham-minh-chinh', text: 'Pham Minh Chinh', caseRule: 'name' },
  { entryId: 'rcep', text: 'RCEP', caseRule: 'acronym' },
  { entryId: 'cpv', text: 'CPV', caseRule: 'acronym' },
  { entryId: 'cpc', text: 'Communist Party of China', caseRule: 'name' },
  { entryId: 'doi-moi', text: 'Doi Moi', caseRule: 'any' },
  { entryId: 'doi-moi', text: 'DoiMoi', caseRule: 'any' },
  { entryId: 'doi-moi', text: 'Đổi Mới', caseRule: 'any' },
  { entryId: 'bri', text: 'Belt and Road', caseRule: 'any' },
  { entryId: 'bri', text: 'Belt and Road Initiative', caseRule: 'any' },
  { entryId: 'friendship-pass', text: 'Hữu Nghị', caseRule: 'name', needs: 'related' },
];
const matcher = buildMatcher(aliases);
const en = { vietnamese: false };
const vi = { vietnamese: true };
const found = (text: string, options = en) => scan(matcher, text, options).map((m) => text.slice(m.start, m.end));

describe('matcher', () => {
  it('respects word boundaries: no "trong" in "strong", no "rcep" in "perception"', () => {
    expect(found('a strong friendship; a clear perception')).toEqual([]);
    expect(found('Strong ties, RCEP trade')).toEqual(['RCEP']);
  });

  it('lets the longest match win', () => {
    expect(found('the Belt and Road Initiative')).toEqual(['Belt and Road Initiative']);
    expect(found('Nguyen Phu Trong spoke')).toEqual(['Nguyen Phu Trong']);
  });

  it('finds spelling variants through the normalizer', () => {
    expect(found('Doi-Moi, DoiMoi, Đổi Mới and doi moi')).toEqual(['Doi-Moi', 'DoiMoi', 'Đổi Mới', 'doi moi']);
  });

  it('applies case rules: acronyms only in capitals, names capitalised or in capitals', () => {
    expect(found('cpv, Cpv, CPV')).toEqual(['CPV']);
    expect(found('to lam, To Lam, To LAM, Pham Minh CHINH')).toEqual(['To Lam', 'To LAM', 'Pham Minh CHINH']);
    expect(found('the Communist Party of China')).toEqual(['Communist Party of China']);
    expect(found('the communist party of china')).toEqual([]);
  });

  it('is strict in Vietnamese text: lower-case words, unaccented bare names and bare names without a title are not marked', () => {
    expect(found('Trong năm 1986, đường lối đổi mới được đề ra', vi)).toEqual([]);
    expect(found('Ông Trọng và Nguyễn Phú Trọng', vi)).toEqual(['Trọng', 'Nguyễn Phú Trọng']);
    // "Trọng tâm" (focus) opens a sentence; a bare given name needs a title or an honorific before it.
    expect(found('Trọng tâm của chính sách là hợp tác.', vi)).toEqual([]);
    expect(found('Tổng Bí thư Trọng phát biểu.', vi)).toEqual(['Trọng']);
    expect(found('cửa khẩu hữu nghị', vi)).toEqual([]);
    expect(found('cửa khẩu Hữu Nghị', vi)).toEqual(['Hữu Nghị']);
  });

  it('returns what each match needs; the evidence decides', () => {
    const text = 'Trong said so.';
    const matches = scan(matcher, text, en);
    expect(matches.map((m) => m.needs)).toEqual(['entry']);
    const rules: EvidenceRules = {
      related: new Map([['nguyen-phu-trong', ['cpv']]]),
      sides: new Map(),
      topical: new Set(),
    };
    expect(new PageEvidence(rules).verdict(matches[0], text, matches)).toBe('wait');
    const page = new PageEvidence(rules);
    expect(page.noteFirm(scan(matcher, 'Nguyen Phu Trong arrived.', en))).toBe(true);
    expect(page.verdict(matches[0], text, matches)).toBe('mark');
    // A bare name needs its own entry: a related one named on the page is not enough.
    const related = new PageEvidence(rules);
    related.noteFirm(scan(matcher, 'The CPV met.', en).map((m) => ({ ...m, needs: null })));
    expect(related.verdict(matches[0], text, matches)).toBe('wait');
  });

  it('needs no word boundary beside the letters of scripts written without spaces', () => {
    const cjk = buildMatcher([
      { entryId: 'xi', text: '习近平', caseRule: 'any' },
      { entryId: 'bri', text: '一带一路', caseRule: 'any' },
      { entryId: 'xi', text: 'Xi', caseRule: 'name' },
    ]);
    const terms = (text: string) => scan(cjk, text, en).map((m) => text.slice(m.start, m.end));
    expect(terms('习近平说，一带一路倡议')).toEqual(['习近平', '一带一路']);
    expect(terms('国家主席习近平出席')).toEqual(['习近平']);
    // Latin letters keep their boundaries, next to Chinese ones too.
    expect(terms('Xiamen，Xi说')).toEqual([]);
  });

  it('maps matches to exact original ranges, across decomposed accents', () => {
    const text = 'Meeting Nguye\u0302\u0303n Phu\u0301 Tro\u0323ng today';
    const [m] = scan(matcher, text, en);
    expect(text.slice(m.start, m.end)).toBe('Nguye\u0302\u0303n Phu\u0301 Tro\u0323ng');
  });

  it('property: never throws, and every match lies within the text on word boundaries', () => {
    const pieces = fc.constantFrom(
      'Trong',
      'strong',
      'RCEP',
      'perception',
      'Đổi Mới',
      ' ',
      '-',
      'Belt and Road',
      'ọ',
      '\u0323',
      'x',
      '7',
    );
    /**
     * Whether a grapheme holds a letter or a digit: a word goes on through it (these aliases are all
     * in spaced scripts). Of the Basic Multilingual Plane only: the matcher reads word boundaries one
     * UTF-16 unit at a time (isWordCode, lib/text/normalize.ts), so a letter beyond it ("𐊀Trong") is
     * no boundary to it yet.
     */
    const wordGoesOn = (grapheme: string | undefined) =>
      grapheme !== undefined && /[\p{L}\p{N}]/u.test(grapheme.replace(/[\u{10000}-\u{10ffff}]/gu, ''));
    const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
    let bounded = 0;
    fc.assert(
      fc.property(
        fc.array(fc.oneof(pieces, fc.string({ unit: 'grapheme', maxLength: 5 })), { maxLength: 40 }),
        (parts) => {
          const text = parts.join('');
          let last = -1;
          for (const m of scan(matcher, text, en)) {
            expect(m.start).toBeGreaterThanOrEqual(last);
            expect(m.end).toBeLessThanOrEqual(text.length);
            expect(m.end).toBeGreaterThan(m.start);
            // A match starts and ends between graphemes, with no letter in the graphemes beside it.
            const pieces = [...graphemes.segment(text)];
            const starting = pieces.findIndex((g) => g.index === m.start);
            const ending = pieces.findIndex((g) => g.index + g.segment.length === m.end);
            expect(
              starting,
              `"${text.slice(m.start, m.end)}" starts inside a grapheme of ${JSON.stringify(text)}`,
            ).toBeGreaterThanOrEqual(0);
            expect(
              ending,
              `"${text.slice(m.start, m.end)}" ends inside a grapheme of ${JSON.stringify(text)}`,
            ).toBeGreaterThanOrEqual(0);
            const before = pieces[starting - 1]?.segment;
            const after = pieces[ending + 1]?.segment;
            expect(
              wordGoesOn(before),
              `"${before}" before "${text.slice(m.start, m.end)}" in ${JSON.stringify(text)}`,
            ).toBe(false);
            expect(
              wordGoesOn(after),
              `"${after}" after "${text.slice(m.start, m.end)}" in ${JSON.stringify(text)}`,
            ).toBe(false);
            if (before !== undefined || after !== undefined) bounded++;
            last = m.end;
          }
        },
      ),
      { numRuns: 300 },
    );
    // The runs put matches between other text, not only alone.
    expect(bounded).toBeGreaterThan(10);
  });

  it('property: any Unicode at all (lone surrogates, controls, every plane) never throws, and each match is an alias', () => {
    const keys = new Set(aliases.map((a) => foldKey(a.text)));
    const pieces = fc.constantFrom('RCEP', 'To Lam', 'Đổi Mới', 'Belt and Road', ' ');
    fc.assert(
      fc.property(
        fc.array(fc.oneof(pieces, fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 30 }),
        fc.boolean(),
        (parts, vietnamese) => {
          const text = parts.join('');
          for (const m of scan(matcher, text, { vietnamese: () => vietnamese })) {
            expect(m.start).toBeGreaterThanOrEqual(0);
            expect(m.end).toBeLessThanOrEqual(text.length);
            expect(keys.has(foldKey(text.slice(m.start, m.end)))).toBe(true);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
