/**
 * mark.js marking Gloss's aliases, for comparison: a well-known library that finds words on a page by
 * rewriting its DOM (each match wrapped in an element), so it runs on a fresh page each time.
 */
import Mark from 'mark.js';

export function markWithMarkjs(root: HTMLElement, words: readonly string[]): Promise<{ ms: number; marks: number }> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    let marks = 0;
    new Mark(root).mark([...words], {
      separateWordSearch: false,
      accuracy: 'exactly',
      diacritics: true,
      acrossElements: true,
      caseSensitive: false,
      exclude: ['script', 'style', 'noscript', 'textarea', 'code', 'pre'],
      each: () => void marks++,
      done: () => resolve({ ms: performance.now() - t0, marks }),
    });
  });
}
