import { describe, expect, it } from 'vitest';
import { citationLabel, factsForCard, shortTitle } from '../lib/citation';
import type { SourceInfo } from '../lib/views';

const source = (over: Partial<SourceInfo>): SourceInfo => ({
  title: 'A report',
  outlet: null,
  date: null,
  dateISO: null,
  ...over,
});
const fact = (name: string, over: Partial<SourceInfo>, paragraph = 1) => ({
  name,
  docId: 'a-report',
  paragraph,
  quote: `${name} said so.`,
  source: source(over),
});

describe('the facts a card shows first', () => {
  const bundled = { id: 'china-vietnam', title: 'China–Vietnam relations', bundled: true as const };
  const mekong = { id: 'mekong-notes', title: 'Mekong notes' };

  it('puts the first fact of every pack before the rest, so a card cut short still shows each pack', () => {
    const facts = [
      fact('a', { pack: bundled, perspective: 'chinese-state-media' }),
      fact('b', { pack: bundled, perspective: 'us-government' }),
      fact('c', { pack: bundled, perspective: 'chinese-state-media' }),
      fact('d', { pack: mekong, perspective: 'chinese-state-media' }),
    ];
    expect(factsForCard(facts).map((f) => f.name)).toEqual(['a', 'd', 'b', 'c']);
  });

  it('puts a side the card does not show yet, counting the label’s, before a second fact of the same side', () => {
    const facts = [
      fact('a', { perspective: 'chinese-state-media' }),
      fact('b', { perspective: 'chinese-state-media' }),
      fact('c', { perspective: 'us-government' }),
    ];
    expect(factsForCard(facts).map((f) => f.name)).toEqual(['a', 'c', 'b']);
    expect(factsForCard(facts, fact('label', { perspective: 'us-government' }, 9)).map((f) => f.name)).toEqual([
      'a',
      'b',
      'c',
    ]);
  });
});

describe('a card under its label', () => {
  it('leaves out a fact that quotes the sentence the label comes from, and keeps one from elsewhere', () => {
    const label = { docId: 'a-report', paragraph: 3, quote: 'the Great Hall of the People', source: source({}) };
    const facts = [
      { ...fact('same sentence', {}, 3), quote: 'Talks were held at the Great Hall of the People in Beijing.' },
      { ...fact('another paragraph', {}, 4), quote: 'A banquet at the Great Hall of the People followed.' },
      fact('same paragraph, other words', {}, 3),
    ];
    expect(factsForCard(facts, label).map((f) => f.name)).toEqual(['another paragraph', 'same paragraph, other words']);
  });
});

describe('a citation', () => {
  it('reads outlet · date · paragraph, by page in a PDF, with the short title where no outlet is named', () => {
    expect(citationLabel(source({ outlet: 'Xinhua', date: '2023-12-12' }), 7)).toBe('Xinhua · 2023-12-12 · ¶ 7');
    const pdf = source({
      title: 'Border trade across Lao Cai and Hekou in the first half of the year',
      pages: [
        { label: '1', first: 1 },
        { label: '2', first: 4 },
      ],
    });
    expect(citationLabel(pdf, 5)).toBe(
      'Border trade across Lao Cai and Hekou in… (no outlet named) · undated · p. 2 ¶ 2',
    );
    expect(shortTitle('Short title')).toBe('Short title');
  });
});
