import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMatcher, scan } from '../lib/match/matcher';
import { readMatcher, readSieve, serializeMatcher, serializeSieve } from '../lib/match/tables';
import { FIXTURE_ALIASES, madeUpAliases } from './fixtures/aliases';

/** What the background sends, as runtime messaging carries it: through JSON. */
const throughJson = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

describe('matcher tables', () => {
  it('read in a frame, they find what the matcher built in the background finds, in any text', () => {
    const built = buildMatcher(FIXTURE_ALIASES);
    const sieve = readSieve(throughJson(serializeSieve(built.sieve!)));
    const read = readMatcher(throughJson(serializeMatcher(built)), sieve);
    expect(read).not.toBeNull();
    const samples = [
      'General Secretary Nguyen Phu Trong welcomed Xi Jinping to Hanoi; the Belt and Road Initiative and RCEP.',
      'Đảng Cộng sản Việt Nam, Tổng Bí thư Nguyễn Phú Trọng; trong các ngữ cảnh, đổi mới.',
      '主席习近平说，一带一路。',
    ];
    for (const text of samples)
      expect(scan(read!, text, { vietnamese: false })).toEqual(scan(built, text, { vietnamese: false }));
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 80 }),
        fc.constantFrom(...FIXTURE_ALIASES.map((a) => a.text)),
        (noise, alias) => {
          const text = `${noise} ${alias} ${noise}`;
          expect(scan(read!, text, { vietnamese: false })).toEqual(scan(built, text, { vietnamese: false }));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('are plain JSON of a few kilobytes per hundred aliases, not the matcher rebuilt', () => {
    const aliases = [...FIXTURE_ALIASES, ...madeUpAliases(250)];
    const built = buildMatcher(aliases);
    const sieve = JSON.stringify(serializeSieve(built.sieve!));
    const rest = JSON.stringify(serializeMatcher(built));
    // What every frame holding text asks for: a few bits per word, whatever the number of aliases.
    expect(sieve.length).toBeLessThan(32 * 1024);
    // Asked for only where a term may be: the aliases as they are, and about 24 bytes per automaton state.
    expect(aliases.length).toBeGreaterThan(200);
    expect(rest.length).toBeLessThan(aliases.length * 640);
  });

  it('a frame refuses tables of another shape or damaged ones, instead of misreading them', () => {
    const built = buildMatcher(FIXTURE_ALIASES);
    const sieve = serializeSieve(built.sieve!);
    const matcher = serializeMatcher(built);
    expect(readSieve({ ...sieve, format: 999 })).toBeNull();
    expect(readSieve({ ...sieve, table: { ...sieve.table, words: '***not base64***' } })).toBeNull();
    expect(readSieve({ ...sieve, table: { ...sieve.table, pairs: 'AAA=' } })).toBeNull(); // 2 bytes: no whole int32
    expect(readSieve(null)).toBeNull();
    expect(readMatcher({ ...matcher, automaton: {} }, null)).toBeNull();
    expect(readMatcher({ ...matcher, aliases: 'none' }, null)).toBeNull();
    expect(readMatcher('junk', null)).toBeNull();
  });
});
