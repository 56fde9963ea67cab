// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  compareTreePoints,
  startOf,
  stepInReadingOrder,
  termFromReader,
  type TermPlace,
} from '../lib/page/reading-order';

describe('the next term in reading order', () => {
  const terms = [10, 20, 30, 40];
  const from = (at: number) => (item: number) => item - at;

  it('moves to the first term after the position, and before it going back', () => {
    expect(stepInReadingOrder(terms, from(25), 'next')).toBe(30);
    expect(stepInReadingOrder(terms, from(25), 'previous')).toBe(20);
  });

  it('never stays on the term the reader is at', () => {
    expect(stepInReadingOrder(terms, from(20), 'next')).toBe(30);
    expect(stepInReadingOrder(terms, from(20), 'previous')).toBe(10);
  });

  it('wraps round past either end, as a find bar does', () => {
    expect(stepInReadingOrder(terms, from(40), 'next')).toBe(10);
    expect(stepInReadingOrder(terms, from(45), 'next')).toBe(10);
    expect(stepInReadingOrder(terms, from(10), 'previous')).toBe(40);
    expect(stepInReadingOrder(terms, from(5), 'previous')).toBe(40);
  });

  it('with no position, starts at the first (or the last) term; with none, gives nothing', () => {
    expect(stepInReadingOrder(terms, null, 'next')).toBe(10);
    expect(stepInReadingOrder(terms, null, 'previous')).toBe(40);
    expect(stepInReadingOrder([], from(1), 'next')).toBeNull();
  });

  it('stays on the only term there is', () => {
    expect(stepInReadingOrder([7], from(7), 'next')).toBe(7);
    expect(stepInReadingOrder([7], from(7), 'previous')).toBe(7);
  });

  it('agrees with a plain scan on every list and position', () => {
    for (let n = 0; n < 6; n++) {
      const list = Array.from({ length: n }, (_, i) => i * 2);
      for (let at = -1; at <= n * 2; at++) {
        const after = list.find((x) => x > at) ?? list[0] ?? null;
        const before = [...list].reverse().find((x) => x < at) ?? list[list.length - 1] ?? null;
        expect(stepInReadingOrder(list, from(at), 'next')).toBe(after);
        expect(stepInReadingOrder(list, from(at), 'previous')).toBe(before);
      }
    }
  });
});

describe('reading order on a page', () => {
  function wordRange(node: Node, word: string): Range {
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf(word);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + word.length);
      return range;
    }
    throw new Error(`no ${word}`);
  }

  it('orders terms as they read, inside open shadow roots too', () => {
    document.body.innerHTML = '<p>alpha</p><div id="host"><span>delta</span></div><p>epsilon</p>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>beta</p><p>gamma</p>';
    const words = ['epsilon', 'gamma', 'alpha', 'delta', 'beta'];
    const ranges = new Map(words.map((w) => [w, wordRange(w === 'beta' || w === 'gamma' ? shadow : document.body, w)]));
    const sorted = [...words].sort((a, b) => compareTreePoints(startOf(ranges.get(a)!), startOf(ranges.get(b)!)));
    expect(sorted).toEqual(['alpha', 'beta', 'gamma', 'delta', 'epsilon']);
  });

  it('finds the same point equal, and points that left the page beside nothing', () => {
    document.body.innerHTML = '<p>alpha beta</p>';
    const alpha = wordRange(document.body, 'alpha');
    expect(compareTreePoints(startOf(alpha), startOf(alpha.cloneRange()))).toBe(0);
    const gone = document.createElement('p');
    gone.textContent = 'gone';
    expect(compareTreePoints(startOf(alpha), { node: gone.firstChild!, offset: 0 })).toBe(0);
  });
});

describe('the term to go to from where the reader is', () => {
  // Terms stand 100 px apart down a page; the window is 300 px high (jsdom draws nothing, so each
  // term says where it is).
  function page(scrolled: number, hidden: number[] = []) {
    document.body.innerHTML = Array.from({ length: 10 }, (_, i) => `<p>term ${i}</p>`).join('');
    const terms = [...document.querySelectorAll('p')];
    Object.defineProperty(window, 'innerHeight', { value: 300, configurable: true });
    const placeOf = (p: HTMLParagraphElement): TermPlace => {
      const i = terms.indexOf(p);
      const top = i * 100 - scrolled;
      return {
        point: { node: p, offset: 0 },
        box: () => new DOMRect(0, top, hidden.includes(i) ? 0 : 50, hidden.includes(i) ? 0 : 20),
      };
    };
    return { terms, placeOf, name: (p: HTMLElement | null) => p?.textContent };
  }

  it('starts at the first term on screen going forward, the last going back', () => {
    getSelection()!.removeAllRanges();
    const { terms, placeOf, name } = page(450);
    expect(name(termFromReader(terms, placeOf, null, document, 'next'))).toBe('term 5');
    expect(name(termFromReader(terms, placeOf, null, document, 'previous'))).toBe('term 7');
  });

  it('goes on from the term it is at while that is on screen, and from the screen once it is not', () => {
    getSelection()!.removeAllRanges();
    const { terms, placeOf, name } = page(450);
    expect(name(termFromReader(terms, placeOf, terms[6], document, 'next'))).toBe('term 7');
    expect(name(termFromReader(terms, placeOf, terms[1], document, 'next'))).toBe('term 5');
  });

  it('passes over terms that show nowhere', () => {
    getSelection()!.removeAllRanges();
    const { terms, placeOf, name } = page(450, [7, 8]);
    expect(name(termFromReader(terms, placeOf, terms[6], document, 'next'))).toBe('term 9');
    const allHidden = page(0, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(termFromReader(allHidden.terms, allHidden.placeOf, null, document, 'next')).toBeNull();
  });
});
