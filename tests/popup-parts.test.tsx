// @vitest-environment jsdom
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EntryView } from '../components/EntryView';
import { PageSummary } from '../components/PageSummary';
import { bestDocumented } from '../lib/views';
import { SearchResults } from '../components/SearchResults';
import type { CardData } from '../lib/views';
import type { EntryDetail, SearchResult } from '../lib/views';

const source = {
  title: 'China, Vietnam agree',
  outlet: 'Xinhua',
  date: 'Release Date:2023-12-19 14:32:46',
  dateISO: '2023-12-19',
};
const label = {
  docId: 'xinhua-community',
  paragraph: 27,
  quote: 'jointly implement the Regional Comprehensive Economic Partnership',
  start: 0,
  end: 10,
  source,
};
const results: SearchResult[] = [
  {
    type: 'entry',
    id: 'rcep',
    name: 'Regional Comprehensive Economic Partnership',
    kind: 'agreement',
    label,
    snippet: { text: label.quote, marks: [[22, 30]], cutStart: false, cutEnd: false },
  },
  {
    type: 'passage',
    docId: 'xinhua-community',
    paragraph: 27,
    source,
    snippet: {
      text: 'The two sides should jointly implement the Regional…',
      marks: [[43, 51]],
      cutStart: true,
      cutEnd: true,
    },
  },
];

afterEach(cleanup);

describe('SearchResults', () => {
  const setup = (active = 0) => {
    const handlers = { onQuery: vi.fn(), onActive: vi.fn(), onOpen: vi.fn() };
    const view = render(<SearchResults query="regional" results={results} active={active} {...handlers} />);
    return { ...view, handlers };
  };

  it('is a labelled search combobox whose options show cited, marked snippets', () => {
    const { getByRole, getAllByRole } = setup();
    const box = getByRole('combobox', { name: 'Search Gloss' });
    expect(box.getAttribute('type')).toBe('search');
    expect(box.getAttribute('aria-activedescendant')).toBe('search-result-0');
    const options = getAllByRole('option');
    expect(options.map((o) => o.getAttribute('aria-selected'))).toEqual(['true', 'false']);
    expect(options[0].querySelector('mark')?.textContent).toBe('Regional');
    expect(options[0].textContent).toContain('Xinhua · 2023-12-19 · ¶ 27');
    expect(options[1].textContent).toContain('Xinhua · 2023-12-19 · ¶ 27');
  });

  it('moves with the arrow keys, wraps around, and opens with Enter', () => {
    const { getByRole, handlers } = setup(1);
    const box = getByRole('combobox');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(handlers.onActive).toHaveBeenLastCalledWith(0);
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    expect(handlers.onActive).toHaveBeenLastCalledWith(0);
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(handlers.onOpen).toHaveBeenCalledWith(results[1]);
    fireEvent.input(box, { target: { value: 'doi' } });
    expect(handlers.onQuery).toHaveBeenCalledWith('doi');
  });

  it('says so when nothing matches', () => {
    const { getByRole } = render(
      <SearchResults query="zzqx" results={[]} active={0} onQuery={vi.fn()} onActive={vi.fn()} onOpen={vi.fn()} />,
    );
    expect(getByRole('status').textContent).toContain('No entry or passage matches “zzqx”');
  });
});

describe('PageSummary', () => {
  const terms = [
    { id: 'xi-jinping', name: 'Xi Jinping', kind: 'person' as const, label: 'general secretary', count: 4 },
    { id: 'hanoi', name: 'Hanoi', kind: 'place' as const, label: 'Hanoi, capital of Vietnam', count: 3 },
  ];

  it('lists the terms with counts; a click reveals one; the switch turns Gloss off', () => {
    const onReveal = vi.fn();
    const onToggle = vi.fn();
    const { getAllByRole, getByRole } = render(
      <PageSummary
        view={{ status: 'ready', enabled: true, terms }}
        suggestions={null}
        indexHref="#entries"
        onReveal={onReveal}
        onOpenEntry={vi.fn()}
        onToggle={onToggle}
      />,
    );
    const buttons = getAllByRole('button');
    expect(buttons.map((b) => b.querySelector('.term-count')?.textContent)).toEqual(['4×', '3×']);
    fireEvent.click(buttons[1]);
    expect(onReveal).toHaveBeenCalledWith('hanoi');
    const toggle = getByRole('switch', { name: 'Gloss on this site' }) as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    fireEvent.click(toggle);
    expect(onToggle).toHaveBeenCalledWith(false);
  });

  it('has designed loading, off, empty and unavailable states', () => {
    const noop = {
      onReveal: vi.fn(),
      onToggle: vi.fn(),
      onOpenEntry: vi.fn(),
      suggestions: null,
      indexHref: '#entries',
    };
    const { container, rerender } = render(<PageSummary view={{ status: 'loading' }} {...noop} />);
    expect(container.textContent).toContain('Reading the page');
    rerender(<PageSummary view={{ status: 'ready', enabled: false, terms }} {...noop} />);
    expect(container.textContent).toContain('Gloss is off on this site');
    rerender(<PageSummary view={{ status: 'ready', enabled: true, terms: [] }} {...noop} />);
    expect(container.textContent).toContain('No term Gloss knows is on this page.');
    rerender(<PageSummary view={{ status: 'unavailable' }} {...noop} />);
    expect(container.textContent).toContain('Gloss cannot read this tab');
  });

  it('where the page offers no term, suggests entries to open and a way to browse them all', () => {
    const onOpenEntry = vi.fn();
    const index = [
      { id: 'hanoi', name: 'Hanoi', kind: 'place' as const, label: 'capital of Vietnam', facts: 2 },
      { id: 'xi-jinping', name: 'Xi Jinping', kind: 'person' as const, label: 'general secretary', facts: 6 },
      { id: 'doi-moi', name: 'Doi Moi', kind: 'policy' as const, label: null, facts: 2 },
    ];
    const suggestions = { entries: bestDocumented(index, 2), total: index.length };
    const { getByRole, getAllByRole } = render(
      <PageSummary
        view={{ status: 'ready', enabled: true, terms: [] }}
        suggestions={suggestions}
        indexHref="viewer.html#entries"
        onReveal={vi.fn()}
        onOpenEntry={onOpenEntry}
        onToggle={vi.fn()}
      />,
    );
    const offered = getAllByRole('button').map((b) => b.querySelector('.term-name')?.textContent);
    expect(offered).toEqual(['Xi Jinping', 'Doi Moi']); // most facts first, then by name
    fireEvent.click(getAllByRole('button')[0]);
    expect(onOpenEntry).toHaveBeenCalledWith('xi-jinping');
    expect(getByRole('link', { name: 'Browse all 3 entries' }).getAttribute('href')).toBe('viewer.html#entries');
  });
});

describe('EntryView', () => {
  const card: CardData = {
    id: 'rcep',
    name: 'Regional Comprehensive Economic Partnership',
    kind: 'agreement',
    label,
    facts: [label],
    mentionedIn: 1,
    documentCount: 5,
    alsoIn: [],
    inYourDocuments: [],
    related: [{ id: 'belt-and-road', name: 'Belt and Road Initiative', kind: 'initiative' }],
  };
  const detail: EntryDetail = {
    card,
    mentionsByDocument: [
      {
        docId: 'xinhua-community',
        source,
        mentions: [
          {
            paragraph: 27,
            text: 'Regional Comprehensive Economic Partnership',
            snippet: {
              text: 'jointly implement the Regional Comprehensive Economic Partnership',
              marks: [[22, 65]],
              cutStart: false,
              cutEnd: false,
            },
          },
        ],
      },
    ],
  };

  it('shows the facts with citations, mentions by document, related entries, and goes back', () => {
    const handlers = { citationHref: () => '#', onOpenCitation: vi.fn(), onOpenEntry: vi.fn(), onBack: vi.fn() };
    const { container, getByText, getByRole } = render(<EntryView detail={detail} {...handlers} />);
    expect(getByRole('heading', { level: 2 }).textContent).toBe('Regional Comprehensive Economic Partnership');
    expect(getByText('Mentioned in 1 of 5 documents')).toBeTruthy();
    expect(getByText('China, Vietnam agree')).toBeTruthy();
    const cites = [...container.querySelectorAll('a.cite')];
    expect(cites.map((a) => a.textContent)).toEqual(Array(3).fill('Xinhua · 2023-12-19 · ¶ 27')); // label, fact, mention
    fireEvent.click(cites[2]);
    expect(handlers.onOpenCitation).toHaveBeenCalledWith(
      expect.objectContaining({ docId: 'xinhua-community', paragraph: 27 }),
    );
    fireEvent.click(getByText('Belt and Road Initiative'));
    expect(handlers.onOpenEntry).toHaveBeenCalledWith('belt-and-road');
    fireEvent.click(getByText('← Back'));
    expect(handlers.onBack).toHaveBeenCalled();
  });
});
