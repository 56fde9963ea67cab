/**
 * When a frame that holds text is marked. It reads its text with the sieve alone; only once some of
 * it may hold a term does it ask for the rest of the matcher and mark the page, with the marker's
 * observers and the card's listeners. A long page is not read twice: past one slice of reading
 * (READ_AHEAD_MS) the marker takes over, and reads it all with the same sieve.
 */
import { SLICE_BUDGET_MS } from './marker';
import { textRuns, type RunFilter, type TextRun } from './text-runs';

/**
 * How long the document is read ahead of the marker: a page with no term found in this much of it
 * is long, and likely holds one further on; reading it to the end here, then again in the marker,
 * would cost up to twice the walk.
 */
export const READ_AHEAD_MS = SLICE_BUDGET_MS;

/**
 * Resolves once some text of `doc` may hold a term (`filter`, the sieve, lets a run of it through;
 * without one, any run does), or once READ_AHEAD_MS of reading it have found none; then, on a page
 * read to its end with no such text, once text added or changed later may (read in slices of
 * SLICE_BUDGET_MS, as the marker does). Never resolves once `signal` aborts. `onReadThrough` is
 * called each time all the text there is has been read and none may hold a term.
 */
export function whenTermsMayBeHere(
  doc: Document,
  filter: () => RunFilter | undefined,
  signal: AbortSignal,
  onReadThrough?: () => void,
): Promise<void> {
  return new Promise((resolve) => {
    const view = doc.defaultView as (Window & typeof globalThis) | null;
    const walks: Iterator<TextRun | null>[] = [];
    let reading = false;
    /** The document's own reading, not yet at its end: it gives up after READ_AHEAD_MS. */
    let readingAhead = true;
    const observed: MutationObserverInit = { childList: true, characterData: true, subtree: true };
    const observer = view
      ? new view.MutationObserver((records) => {
          for (const r of records) {
            if (r.type === 'characterData') {
              if (r.target.parentElement) walk(r.target.parentElement);
            } else {
              for (const node of Array.from(r.addedNodes)) {
                if (node.nodeType === Node.ELEMENT_NODE) walk(node);
                else if (node.nodeType === Node.TEXT_NODE && node.parentElement) walk(node.parentElement);
              }
            }
          }
        })
      : null;
    const stop = () => {
      observer?.disconnect();
      walks.length = 0;
    };
    function walk(root: Node): void {
      walks.push(
        textRuns(
          root,
          (shadow) => {
            // Changes inside a shadow root do not reach an observer of the document.
            observer?.observe(shadow, observed);
            walk(shadow);
          },
          filter(),
        ),
      );
      if (!reading) {
        reading = true;
        setTimeout(read, 0);
      }
    }
    function read(): void {
      const start = performance.now();
      while (walks.length && !signal.aborted) {
        const next = walks[0].next();
        if (next.done) walks.shift();
        else if (next.value || (readingAhead && performance.now() - start >= READ_AHEAD_MS)) {
          stop();
          resolve();
          return;
        } else if (performance.now() - start >= SLICE_BUDGET_MS) {
          setTimeout(read, 0);
          return;
        }
      }
      reading = false;
      readingAhead = false;
      if (!signal.aborted) onReadThrough?.();
    }
    if (doc.documentElement) observer?.observe(doc.documentElement, observed);
    signal.addEventListener('abort', stop);
    walk(doc);
  });
}
