import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMatcher, scan, type AliasSpec, type Matcher } from '../lib/match/matcher';
import { aliasStarts, mayHoldTerm, SieveReader } from '../lib/match/sieve';
import { FIXTURE_ALIASES, madeUpAliases } from './fixtures/aliases';

const aliases: AliasSpec[] = [
  { entryId: 'nguyen-phu-trong', text: 'Nguyễn Phú Trọng', caseRule: 'name' },
  { entryId: 'nguyen-phu-trong', text: 'Trong', caseRule: 'name', needs: 'entry' },
  { entryId: 'xi', text: 'Xi', caseRule: 'name', needs: 'entry' },
  { entryId: 'xi', text: '习近平', caseRule: 'any' },
  { entryId: 'rcep', text: 'RCEP', caseRule: 'acronym' },
  { entryId: 'doi-moi', text: 'DoiMoi', caseRule: 'any' },
  { entryId: 'doi-moi', text: 'Đổi Mới', caseRule: 'any' },
  { entryId: 'covid', text: 'COVID-19', caseRule: 'any' },
  { entryId: 'china-com', text: 'China.com', caseRule: 'any' },
  { entryId: 'reform', text: "China's reform and opening-up", caseRule: 'any' },
  { entryId: 'aero', text: 'Ærøskøbing', caseRule: 'name' },
  // A compatibility ideograph outside the BMP (U+2F800) folds to this BMP one: a surrogate pair
  // cut between two text nodes must still be read as one character.
  { entryId: 'lijiang', text: '丽江', caseRule: 'any' },
];

/** The exact scan alone, without the sieve in front of it. */
const exactOnly = (matcher: Matcher): Matcher => ({ ...matcher, sieve: null });

/**
 * Text built from aliases cut into pieces, respelled (case, decomposed accents, invisible characters,
 * other gaps and quotes) and mixed with arbitrary Unicode: the kinds of text where a sieve that sees
 * more finely than the matcher would wrongly turn text away.
 */
function respelled(alias: string): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom<(s: string) => string>(
        (s) => s,
        (s) => s.toUpperCase(),
        (s) => s.toLowerCase(),
        (s) => s.normalize('NFD'),
        (s) => s.replace(/ /g, '\u00a0\u2014 '),
        (s) => s.replace(/'/g, '\u2019'),
        (s) => [...s].join('\u00ad'),
        (s) => s.replace(/(\p{L})(\p{L})/u, '$1\u200b$2'),
      ),
      fc.boolean(),
      fc.integer({ min: 0, max: alias.length }),
      fc.integer({ min: 0, max: alias.length }),
    )
    .map(([respell, whole, a, b]) => respell(whole ? alias : alias.slice(Math.min(a, b), Math.max(a, b))));
}

function textArbitrary(texts: readonly string[]): fc.Arbitrary<string> {
  const piece = fc.oneof(
    fc.constantFrom(...texts).chain(respelled),
    fc.constantFrom(
      ' ',
      '-',
      '_',
      '.',
      ',',
      '\u201c',
      'x',
      's',
      'é',
      '\u0323',
      '\ud83d\ude00',
      '\ud800',
      'ǅ',
      'İ',
      'ß',
      '\u{2F800}江',
      '说',
      '丽',
    ),
    fc.string({ unit: 'binary', maxLength: 6 }),
  );
  return fc.array(piece, { maxLength: 24 }).map((parts) => parts.join(''));
}

describe('sieve', () => {
  const matcher = buildMatcher(aliases);

  it('turns away text that holds no term, word boundaries included', () => {
    expect(matcher.sieve).not.toBeNull();
    for (const text of ['a strong friendship', 'perception', 'taxi and Xiamen', 'China.company', 'covid-190', '']) {
      expect(mayHoldTerm(matcher.sieve!, text)).toBe(false);
    }
  });

  it('lets through text with a term in any spelling the matcher accepts', () => {
    for (const text of [
      'Xi',
      '(Xi)',
      'T\u00adrong',
      'doi\u200bmoi',
      'Đo\u0302\u0309i  –  Mới',
      'China\u2019s reform and opening up',
      'ÆRØSKØBING',
      '习近平，',
      '主席习近平说',
      'covid 19',
    ]) {
      expect(mayHoldTerm(matcher.sieve!, text)).toBe(true);
      expect(scan(exactOnly(matcher), text, { vietnamese: false }).length).toBeGreaterThan(0);
    }
  });

  it('property: whatever the exact scan finds, the sieve lets through', () => {
    fc.assert(
      fc.property(textArbitrary(aliases.map((a) => a.text)), fc.boolean(), (text, vietnamese) => {
        const exact = scan(exactOnly(matcher), text, { vietnamese });
        if (exact.length > 0) expect(mayHoldTerm(matcher.sieve!, text)).toBe(true);
        expect(scan(matcher, text, { vietnamese })).toEqual(exact);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads the same word before a hit in a window as in the whole text, through characters that fold to nothing', () => {
    // A word of letters split by soft hyphens and a zero-width space, then 习近平 (found by the property below).
    const text =
      '\u00c6\u00adr\u00ad\u00f8\u00ads\u00adk\u00ad\u00f8\u00adb\u00adi\u00adn\u00adgR\u00adC\u00adE\u00adPRCE\u00c6\u200br\u00f8\u4e60\u8fd1\u5e73';
    const exact = scan(exactOnly(matcher), text, { vietnamese: false });
    expect(exact).toHaveLength(1);
    expect(scan(matcher, text, { vietnamese: false })).toEqual(exact);
    // A "word" of thousands of letters before a hit is read as its last units, alike both ways.
    const long = `${'ab\u00ad'.repeat(3000)}习近平`;
    expect(scan(matcher, long, { vietnamese: false })).toEqual(scan(exactOnly(matcher), long, { vietnamese: false }));
  });

  it('reads a surrogate pair cut between two pieces as one character', () => {
    const reader = new SieveReader(matcher.sieve!);
    reader.begin();
    reader.read('see \ud87e');
    reader.read('\udc00江 here');
    expect(reader.mayHoldTerm()).toBe(true);
    expect(mayHoldTerm(matcher.sieve!, 'see \u{2F800}江 here')).toBe(true);
    expect(scan(exactOnly(matcher), 'see \u{2F800}江 here', { vietnamese: false })).toHaveLength(1);
  });

  it("property: read in pieces (a run's text nodes), the answers are the same as for the text whole", () => {
    const reader = new SieveReader(matcher.sieve!);
    fc.assert(
      fc.property(textArbitrary(aliases.map((a) => a.text)), fc.array(fc.nat(), { maxLength: 6 }), (text, cuts) => {
        // Cut anywhere, between the halves of a surrogate pair too.
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        reader.begin();
        let from = 0;
        for (const to of [...points, text.length]) {
          reader.read(text.slice(from, to));
          from = to;
        }
        expect(reader.mayHoldTerm()).toBe(mayHoldTerm(matcher.sieve!, text));
        // The places an alias may begin are the same too, and the exact scan given them finds what
        // reading everything finds.
        expect(reader.aliasStarts()).toEqual(aliasStarts(matcher.sieve!, text));
        const exact = scan(exactOnly(matcher), text, { vietnamese: false });
        expect(scan(matcher, text, { vietnamese: false, mayBegin: reader.aliasStarts() })).toEqual(exact);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: the same with a glossary of every kind of alias Gloss has, and hundreds of them; reading only where the sieve says an alias may begin finds what reading everything finds', () => {
    const glossary: AliasSpec[] = [
      ...FIXTURE_ALIASES,
      ...madeUpAliases(250),
      // A longer name that blocks, found in any case; aliases that open and close with punctuation.
      { entryId: 'ho-chi-minh', text: 'Hồ Chí Minh', caseRule: 'name' },
      { entryId: 'ho-chi-minh', text: 'Thành phố Hồ Chí Minh', caseRule: 'name', blocks: true },
      { entryId: 'bamboo', text: '“Bamboo diplomacy”', caseRule: 'any' },
      { entryId: 'dotnet', text: '.NET', caseRule: 'name' },
      // A numeral and a symbol that have a lower case, where the case rules read letters only.
      { entryId: 'corps', text: 'Ⅻ Corps', caseRule: 'name' },
      { entryId: 'xi-circled', text: 'Ⓧi', caseRule: 'name' },
    ];
    const many = buildMatcher(glossary);
    expect(many.sieve).not.toBeNull();
    fc.assert(
      fc.property(textArbitrary(glossary.map((a) => a.text)), fc.boolean(), (text, vietnamese) => {
        const exact = scan(exactOnly(many), text, { vietnamese });
        if (exact.length > 0) expect(mayHoldTerm(many.sieve!, text)).toBe(true);
        expect(scan(many, text, { vietnamese })).toEqual(exact);
      }),
      { numRuns: 3000 },
    );
  });

  it('asks a capital only of a letter: a numeral or a symbol with a lower case asks nothing', () => {
    const matcher = buildMatcher([
      { entryId: 'corps', text: 'Ⅻ Corps', caseRule: 'name' },
      { entryId: 'xi-circled', text: 'Ⓧi', caseRule: 'name' },
    ]);
    for (const text of ['The Ⅻ Corps and the ⅻ Corps.', 'Ⓧi', 'ⓧi']) {
      const exact = scan(exactOnly(matcher), text, { vietnamese: false });
      expect(exact.length).toBeGreaterThan(0);
      expect(scan(matcher, text, { vietnamese: false })).toEqual(exact);
    }
    expect(scan(matcher, 'The Ⅻ Corps and the ⅻ Corps.', { vietnamese: false })).toHaveLength(2);
  });

  it('gives way to the exact scan alone when an alias has no word to be known by', () => {
    const glossary: AliasSpec[] = [...aliases, { entryId: 'euro', text: '€', caseRule: 'any' }];
    const matcher = buildMatcher(glossary);
    expect(matcher.sieve).toBeNull();
    expect(scan(matcher, 'It costs 5 € in Hanoi, said Xi.', { vietnamese: false }).map((m) => m.entryId)).toEqual([
      'euro',
      'xi',
    ]);
    expect(buildMatcher(aliases).sieve).not.toBeNull();
  });

  it('reads only around the words where an alias may begin, and still finds a blocking name in lower case', () => {
    const matcher = buildMatcher([
      { entryId: 'ho-chi-minh', text: 'Hồ Chí Minh', caseRule: 'name' },
      { entryId: 'ho-chi-minh', text: 'Thành phố Hồ Chí Minh', caseRule: 'name', blocks: true },
      { entryId: 'trong', text: 'Nguyễn Phú Trọng', caseRule: 'name' },
    ]);
    const filler = 'trong một thời gian dài, ông nói rằng '.repeat(40);
    for (const text of [
      `${filler}ở thành phố Hồ Chí Minh, ${filler}`,
      `${filler}Hồ Chí Minh và Nguyễn Phú Trọng. ${filler}Nguyễn Phú Trọng`,
      `Hồ Chí Minh${filler}`,
    ])
      expect(scan(matcher, text, { vietnamese: true })).toEqual(scan(exactOnly(matcher), text, { vietnamese: true }));
    expect(scan(matcher, `${filler}ở thành phố Hồ Chí Minh`, { vietnamese: true })).toEqual([]);
  });
});

describe('sieve and case', () => {
  const matcher = buildMatcher(aliases);

  it('turns away a lower-case word where every alias it begins wants a capital', () => {
    // "trong" is "in" in Vietnamese prose; the alias "Trong" is a name.
    expect(mayHoldTerm(matcher.sieve!, 'trong các ngữ cảnh không chính thức')).toBe(false);
    expect(mayHoldTerm(matcher.sieve!, 'Trong các ngữ cảnh')).toBe(true);
    expect(mayHoldTerm(matcher.sieve!, 'the rcep talks')).toBe(false);
    expect(mayHoldTerm(matcher.sieve!, 'the RCEP talks')).toBe(true);
  });

  it('lets through any case where the alias takes any case', () => {
    expect(mayHoldTerm(matcher.sieve!, 'đổi mới')).toBe(true);
    expect(mayHoldTerm(matcher.sieve!, 'china’s reform and opening-up')).toBe(true);
  });
});
