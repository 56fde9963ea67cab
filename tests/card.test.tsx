// @vitest-environment jsdom
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Card, FACTS_ON_CARD } from '../components/Card';
import type { CardData } from '../lib/views';

const source = {
  title: 'China, Vietnam agree',
  outlet: 'Xinhua',
  date: 'Release Date:2023-12-19 14:32:46',
  dateISO: '2023-12-19',
};
const card: CardData = {
  id: 'rcep',
  name: 'Regional Comprehensive Economic Partnership',
  kind: 'agreement',
  label: {
    docId: 'xinhua-community',
    paragraph: 23,
    quote: 'jointly implement the <b>RCEP</b>',
    start: 0,
    end: 10,
    source,
  },
  facts: [
    {
      docId: 'xinhua-community',
      paragraph: 23,
      quote: '<img src=x onerror=alert(1)> safeguard the global trading system',
      start: 0,
      end: 10,
      source,
    },
  ],
  mentionedIn: 1,
  documentCount: 5,
  alsoIn: [],
  inYourDocuments: [],
  related: [{ id: 'belt-and-road', name: 'Belt and Road Initiative', kind: 'initiative' }],
};

afterEach(cleanup);

describe('Card', () => {
  const handlers = () => ({
    citationHref: () => 'viewer.html#doc=xinhua-community&p=23',
    onOpenCitation: vi.fn(),
    entryHref: (id: string) => `viewer.html#entry=${id}`,
    onOpenEntry: vi.fn(),
    onOpenRelated: vi.fn(),
    onClose: vi.fn(),
  });
  const citations = (container: Element) => [...container.querySelectorAll('a.cite')];

  it('shows the entry, its cited facts and related entries, as a dialog named after it', () => {
    const h = handlers();
    const { container, getByRole, getByText } = render(<Card view={{ status: 'ready', card }} {...h} />);
    const dialog = getByRole('dialog', { name: 'Regional Comprehensive Economic Partnership' });
    expect(dialog.getAttribute('aria-modal')).toBe('false');
    expect(citations(container).map((a) => a.textContent)).toEqual([
      'Xinhua · 2023-12-19 · ¶ 23',
      'Xinhua · 2023-12-19 · ¶ 23',
    ]);
    expect(container.querySelector('.mentions')!.textContent).toBe('Mentioned in 1 of 5 documents · Every mention →');
    fireEvent.click(citations(container)[1]);
    expect(h.onOpenCitation).toHaveBeenCalledWith(card.facts[0]);
    fireEvent.click(getByRole('link', { name: 'Every mention →' }));
    expect(h.onOpenEntry).toHaveBeenCalledWith('rcep');
    fireEvent.click(getByText('Belt and Road Initiative'));
    expect(h.onOpenRelated).toHaveBeenCalledWith('belt-and-road');
    fireEvent.click(getByRole('button', { name: 'Close' }));
    expect(h.onClose).toHaveBeenCalled();
  });

  it('says the label once: a fact quoting its sentence is left for the entry in full', () => {
    const label = { ...card.label!, quote: 'the Great Hall of the People' };
    const repeat = { ...card.facts[0], quote: 'Talks were held at the Great Hall of the People in Beijing.' };
    const { container } = render(
      <Card view={{ status: 'ready', card: { ...card, label, facts: [repeat] } }} {...handlers()} />,
    );
    expect(container.querySelectorAll('q')).toHaveLength(1);
    expect(container.querySelector('.facts')).toBeNull();
    expect(container.querySelector('.status')).toBeNull();
    expect(container.querySelector('.mentions')!.textContent).toBe('Mentioned in 1 of 5 documents · Every mention →');
  });

  it('does not say twice that a source names no publisher', () => {
    const unnamed = {
      ...source,
      outlet: null,
      perspective: 'not-stated' as const,
      title: 'Bring relations to a new height',
    };
    const { container } = render(
      <Card
        view={{ status: 'ready', card: { ...card, facts: [{ ...card.facts[0], source: unnamed }] } }}
        {...handlers()}
      />,
    );
    const fact = container.querySelector('.facts li')!.textContent!;
    expect(fact).toContain('Bring relations to a new height (no outlet named)');
    expect(fact).not.toContain('publisher not stated');
  });

  it('renders markup-looking text as text', () => {
    const { container } = render(<Card view={{ status: 'ready', card }} {...handlers()} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it("says who speaks, who publishes, where a quote is cut short, and notes a source's error", () => {
    const xinhua = {
      ...source,
      date: null,
      dateISO: null,
      republished: { by: 'a website', date: { date: 'Release Date:2023-12-19 14:32:46', dateISO: '2023-12-19' } },
      perspective: 'chinese-state-media' as const,
      genre: 'report' as const,
    };
    const statement = {
      title: 'Joint Leaders’ Statement',
      outlet: 'The White House',
      date: '2023-09-11 00:32:32-04:00',
      dateISO: '2023-09-11',
      perspective: 'us-government' as const,
      genre: 'joint-statement' as const,
    };
    const trong: CardData = {
      ...card,
      id: 'nguyen-phu-trong',
      name: 'Nguyen Phu Trong',
      kind: 'person',
      label: {
        docId: 'us',
        paragraph: 1,
        quote: 'General Secretary of the Communist Party of Vietnam Central Committee',
        start: 0,
        end: 10,
        source: statement,
      },
      facts: [
        {
          docId: 'x',
          paragraph: 32,
          quote: 'Vietnam is sincerely happy for brotherly China, he said.',
          start: 0,
          end: 10,
          attribution: { speaker: 'Trong' },
          source: xinhua,
        },
        {
          docId: 'x',
          paragraph: 1,
          quote: 'Xi Jinpig attends a welcome ceremony',
          start: 0,
          end: 10,
          attribution: 'narration',
          truncated: true,
          note: 'The source misspells Xi Jinping.',
          source: xinhua,
        },
        {
          docId: 'x',
          paragraph: 35,
          quote: 'Trong said that Vietnam-China friendship is deep.',
          start: 0,
          end: 10,
          source: xinhua,
        },
        {
          docId: 'x',
          paragraph: 36,
          quote: 'The two sides signed 36 cooperation documents.',
          start: 0,
          end: 10,
          source: xinhua,
        },
      ],
    };
    const { container, getByText, getAllByText } = render(
      <Card view={{ status: 'ready', card: trong }} {...handlers()} />,
    );
    expect(container.querySelector('.label')!.textContent).toBe(
      'General Secretary of the Communist Party of Vietnam Central Committee (as of 2023-09-11) The White House · 2023-09-11 · ¶ 1 US government',
    );
    // (The quote marks are the stylesheet's, around each <q>.)
    const facts = [...container.querySelectorAll('.facts li')].map((li) => li.textContent);
    expect(facts[0]).toBe(
      'Trong said: Vietnam is sincerely happy for brotherly China, he said. Xinhua · republished 2023-12-19 · ¶ 32 Chinese state media',
    );
    expect(facts[1]).toBe(
      'Xinhua reports: Xi Jinpig attends a welcome ceremony… [sic] The source misspells Xi Jinping. Xinhua · republished 2023-12-19 · ¶ 1 Chinese state media',
    );
    expect(getByText('[sic]').closest('[role="note"]')).toBeTruthy();
    expect(getAllByText('Chinese state media')).toHaveLength(FACTS_ON_CARD);
    // The card holds at most three facts; the fourth is in the entry in full, one click away.
    expect(facts).toHaveLength(FACTS_ON_CARD);
    expect(container.querySelector('a.more')!.textContent).toBe('All 4 facts and every mention →');
    expect(container.querySelector('a.more')!.getAttribute('href')).toBe('viewer.html#entry=nguyen-phu-trong');
  });

  it('shows the kind alone where no sentence defines the entry, and says so where the documents say nothing', () => {
    const { container, getByText, rerender } = render(
      <Card
        view={{ status: 'ready', card: { ...card, kind: 'media', label: undefined, facts: [], mentionedIn: 1 } }}
        {...handlers()}
      />,
    );
    expect(container.querySelector('.label')).toBeNull();
    expect(getByText('Media')).toBeTruthy();
    expect(getByText('The documents name it but say nothing about it.')).toBeTruthy();
    rerender(
      <Card
        view={{ status: 'ready', card: { ...card, kind: 'place', label: undefined, facts: [], mentionedIn: 0 } }}
        {...handlers()}
      />,
    );
    expect(getByText('No document names it yet.')).toBeTruthy();
  });

  it('has designed loading and no-match states', () => {
    const { getByText, rerender } = render(<Card view={{ status: 'loading' }} {...handlers()} />);
    expect(getByText('Looking up…')).toBeTruthy();
    rerender(<Card view={{ status: 'none', query: 'zzqx' }} {...handlers()} />);
    expect(getByText('No entry in Gloss matches “zzqx”.')).toBeTruthy();
  });
});
