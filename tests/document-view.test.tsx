// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { DocumentView, ParagraphText, findQuote, segments } from '../components/DocumentView';
import type { DocumentInfo, Mention } from '../lib/corpus/types';

const text = 'Xi met Nguyen Phu Trong in Hanoi <b>today</b>.';
const mention = (entryId: string, phrase: string): Mention => {
  const start = text.indexOf(phrase);
  return { entryId, docId: 'd', paragraph: 1, start, end: start + phrase.length, text: phrase };
};
const mentions = [
  mention('xi-jinping', 'Xi'),
  mention('nguyen-phu-trong', 'Nguyen Phu Trong'),
  mention('hanoi', 'Hanoi'),
];

afterEach(cleanup);

describe('reader paragraphs', () => {
  it('cut the text at mentions and at the quote, losing nothing', () => {
    const parts = segments(text, mentions, findQuote(text, 'met nguyen phu trong in'));
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(
      parts
        .filter((p) => p.quoted)
        .map((p) => p.text)
        .join(''),
    ).toBe('met Nguyen Phu Trong in');
  });

  it('mark the quote once, with the mentions inside it still marked', () => {
    const { container } = render(
      <ParagraphText text={text} mentions={mentions} quote={findQuote(text, 'met Nguyen Phu Trong in')} />,
    );
    const marks = container.querySelectorAll('mark.quote');
    expect(marks).toHaveLength(1);
    expect(marks[0].textContent).toBe('met Nguyen Phu Trong in');
    expect(marks[0].querySelector('.mention')?.getAttribute('data-entry')).toBe('nguyen-phu-trong');
    expect([...container.querySelectorAll('.mention')].map((m) => m.textContent)).toEqual([
      'Xi',
      'Nguyen Phu Trong',
      'Hanoi',
    ]);
  });

  it('render markup-looking text as text', () => {
    const { container } = render(<ParagraphText text={text} mentions={[]} />);
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toBe(text);
  });
});

describe("a document's header", () => {
  it("says who publishes it, and keeps the original's date apart from the copy's and from an update", () => {
    const doc: DocumentInfo = {
      id: 'xinhua-community',
      file: '004.txt',
      title: 'China, Vietnam agree',
      outlet: 'Xinhua',
      authors: [],
      date: null,
      dateISO: null,
      perspective: 'chinese-state-media',
      genre: 'report',
      republished: {
        by: 'a website sponsored by the National Energy Administration',
        date: { date: 'Release Date:2023-12-19 14:32:46', dateISO: '2023-12-19' },
      },
      updated: { date: 'Updated on 2024-01-29', dateISO: '2024-01-29' },
      licence: 'A work of the United States government.',
    };
    const { container } = render(<DocumentView document={doc} paragraphs={[]} mentions={[]} />);
    expect([...container.querySelectorAll('header p')].map((p) => p.textContent)).toEqual([
      'Xinhua · Chinese state media · undated',
      'Republished by a website sponsored by the National Energy Administration · Release Date:2023-12-19 14:32:46',
      'Updated on 2024-01-29',
      'A work of the United States government.',
    ]);
  });

  it('gives the original’s date as its citations do, not the source’s raw timestamp', () => {
    const doc: DocumentInfo = {
      id: 'us-vietnam-joint-statement',
      file: 'statement.md',
      title: 'Joint Leaders’ Statement',
      outlet: 'The White House',
      authors: [],
      date: '2023-09-11 00:32:32-04:00',
      dateISO: '2023-09-11',
      perspective: 'us-government',
      genre: 'joint-statement',
    };
    const { container } = render(<DocumentView document={doc} paragraphs={[]} mentions={[]} />);
    expect(container.querySelector('header .byline')?.textContent).toBe('The White House · US government · 2023-09-11');
  });
});
