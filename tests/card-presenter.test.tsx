// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CardPresenter, type CardContext } from '../components/card-presenter';
import { EarlyAnswers, type CardRequest } from '../lib/card-requests';
import type { CardData } from '../lib/views';

// Placing the card needs layout, which jsdom has none of: where it goes is the end-to-end suite's.
vi.mock('../components/place', () => ({ placeFloating: () => () => {} }));

const card = (name: string): CardData => ({
  id: 'xi-jinping',
  name,
  kind: 'person',
  facts: [],
  mentionedIn: 0,
  documentCount: 5,
  alsoIn: [],
  inYourDocuments: [],
  related: [],
});

function presenter(context: Partial<CardContext>) {
  const box = document.createElement('div');
  document.body.append(box);
  const shown = new CardPresenter(box, document.body, {
    card: async () => null,
    lookUpText: async () => null,
    citationHref: () => '',
    onOpenCitation: () => {},
    entryHref: () => '',
    onOpenEntry: () => {},
    onOpenRelated: () => {},
    onClose: () => {},
    onPointerEnter: () => {},
    onPointerLeave: () => {},
    ...context,
  });
  return { box, shown, text: () => box.querySelector('.card')?.textContent ?? '' };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the card presenter', () => {
  it('shows a marked entry that cannot be read as a fault, and a text that matches none as an answer', async () => {
    const { shown, text } = presenter({});
    await shown.present({ entryId: 'xi-jinping' }, document.body, () => true);
    expect(text()).toContain('This entry could not be loaded.');
    await shown.present({ entryId: null, query: 'zzqx' }, document.body, () => true);
    expect(text()).toContain('No entry in Gloss matches “zzqx”.');
  });

  it('shows the card once it is here, and drops an answer the pointer has left', async () => {
    let current = true;
    const answers: ((card: CardData | null) => void)[] = [];
    const { box, shown, text } = presenter({ card: () => new Promise((resolve) => answers.push(resolve)) });
    const left = shown.present({ entryId: 'xi-jinping' }, document.body, () => current);
    expect(text()).toContain('Looking up');
    current = false;
    answers[0](card('Xi Jinping'));
    await left;
    expect(text()).toContain('Looking up');
    current = true;
    const rested = shown.present({ entryId: 'xi-jinping' }, document.body, () => current);
    answers[1](card('Xi Jinping'));
    await rested;
    expect(text()).toContain('Xi Jinping');
    expect(box.hidden).toBe(false);
    shown.hide();
    expect(box.hidden).toBe(true);
  });

  it('draws a card from the answer asked for when the dwell began, without asking again', async () => {
    const asked: string[] = [];
    const context = {
      card: async (id: string) => (asked.push(id), card('Xi Jinping')),
      lookUpText: async () => null,
    };
    const early = new EarlyAnswers<CardRequest>(context);
    const term = { entryId: 'xi-jinping' };
    early.ask(term);
    const { shown, text } = presenter({ card: () => Promise.reject(new Error('asked again')) });
    await shown.present(early.with(term), document.body, () => true);
    expect(text()).toContain('Xi Jinping');
    expect(asked).toEqual(['xi-jinping']);
    // An answer serves the dwell it was asked for only: the next one asks the background again.
    expect(early.with(term)).toEqual(term);
  });

  it('shows an early answer that failed as a fault, with nothing left unhandled', async () => {
    const early = new EarlyAnswers<CardRequest>({
      card: () => Promise.reject(new Error('the extension went away')),
      lookUpText: async () => null,
    });
    const term = { entryId: 'xi-jinping' };
    early.ask(term);
    // One never taken (the pointer moved on) is dropped quietly as well.
    early.ask({ entryId: 'cpv' });
    const { shown, text } = presenter({});
    await shown.present(early.with(term), document.body, () => true);
    expect(text()).toContain('This entry could not be loaded.');
  });
});
