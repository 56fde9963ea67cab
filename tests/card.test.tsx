// @vitest-environment jsdom
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Card } from '../components/Card';
import type { CardData } from '../lib/store/knowledge';

const source = { title: 'China, Vietnam agree', outlet: 'Xinhua', date: 'Release Date:2023-12-19 14:32:46', dateISO: '2023-12-19' };
const card: CardData = {
  id: 'rcep',
  name: 'Regional Comprehensive Economic Partnership',
  kind: 'agreement',
  label: { docId: 'xinhua-community', paragraph: 23, quote: 'jointly implement the <b>RCEP</b>', start: 0, end: 10, source },
  facts: [{ docId: 'xinhua-community', paragraph: 23, quote: '<img src=x onerror=alert(1)> safeguard the global trading system', start: 0, end: 10, source }],
  mentionedIn: 1,
  documentCount: 5,
  inYourDocuments: [],
  related: [{ id: 'belt-and-road', name: 'Belt and Road Initiative', kind: 'initiative' }],
};

afterEach(cleanup);

describe('Card', () => {
  const handlers = () => ({ citationHref: () => 'reader.html#doc=xinhua-community&p=23', onOpenCitation: vi.fn(), onOpenRelated: vi.fn(), onClose: vi.fn() });

  it('shows the entry, its cited facts and related entries, as a dialog named after it', () => {
    const h = handlers();
    const { getByRole, getAllByText, getByText } = render(<Card view={{ status: 'ready', card }} {...h} />);
    const dialog = getByRole('dialog', { name: 'Regional Comprehensive Economic Partnership' });
    expect(dialog.getAttribute('aria-modal')).toBe('false');
    expect(getAllByText('Xinhua · 2023-12-19 · ¶ 23')).toHaveLength(2);
    expect(getByText('Mentioned in 1 of 5 documents')).toBeTruthy();
    fireEvent.click(getAllByText('Xinhua · 2023-12-19 · ¶ 23')[1]);
    expect(h.onOpenCitation).toHaveBeenCalledWith(card.facts[0]);
    fireEvent.click(getByText('Belt and Road Initiative'));
    expect(h.onOpenRelated).toHaveBeenCalledWith('belt-and-road');
    fireEvent.click(getByRole('button', { name: 'Close' }));
    expect(h.onClose).toHaveBeenCalled();
  });

  it('renders markup-looking text as text', () => {
    const { container } = render(<Card view={{ status: 'ready', card }} {...handlers()} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('has designed loading and no-match states', () => {
    const { getByText, rerender } = render(<Card view={{ status: 'loading' }} {...handlers()} />);
    expect(getByText('Looking up…')).toBeTruthy();
    rerender(<Card view={{ status: 'none', query: 'zzqx' }} {...handlers()} />);
    expect(getByText('No entry in Gloss matches “zzqx”.')).toBeTruthy();
  });
});
