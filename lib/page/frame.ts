/**
 * When a frame is read, and when it is marked. The content script runs in every frame of every
 * page, and a news page carries many frames with nothing to read in them: tracking pixels, hidden
 * frames, empty ad slots. Those do nothing (nothing asked of the background, no scan, no listener)
 * until they hold text. A frame that holds text reads it with the sieve alone; only once some of it
 * may hold a term does it ask for the rest of the matcher and mark the page, with its observers and
 * listeners. And no frame starts before the page is idle, since nothing Gloss does is needed sooner.
 */
import { SLICE_BUDGET_MS } from './marker';
import { textRuns, type RunFilter, type TextRun } from './text-runs';

/** Smallest frame that can show a line of text, in CSS pixels: a tracking pixel or a hidden frame is smaller. */
export const MIN_FRAME_WIDTH = 40;
export const MIN_FRAME_HEIGHT = 12;
/** A frame that does not hold text worth reading yet looks again this long after it changes. */
export const FRAME_RECHECK_MS = 500;
/** Longest wait for the page to be idle before Gloss starts anyway. */
export const IDLE_TIMEOUT_MS = 2000;

/**
 * Whether a frame holds text worth reading: the top frame always; another frame when it is large
 * enough to show a line and holds text (outside scripts, styles, code and editors, as the scan reads).
 */
export function isWorthReading(win: Window): boolean {
  if (win === win.top) return true;
  if (win.innerWidth < MIN_FRAME_WIDTH || win.innerHeight < MIN_FRAME_HEIGHT) return false;
  const body = win.document.body;
  return !!body && !textRuns(body).next().done;
}

/**
 * Resolves once `win` holds text worth reading: at once for most frames; for the others, when a
 * change to their size or their content makes them so.
 */
export function whenWorthReading(win: Window): Promise<void> {
  if (isWorthReading(win)) return Promise.resolve();
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    // A hidden frame that is shown, or a pixel that grows, is resized; an empty one is filled.
    const observer = new (win as Window & typeof globalThis).MutationObserver(() => recheckSoon());
    const stop = () => {
      observer.disconnect();
      win.removeEventListener('resize', recheckSoon);
      if (timer !== null) clearTimeout(timer);
    };
    function recheckSoon(): void {
      timer ??= setTimeout(() => {
        timer = null;
        if (!isWorthReading(win)) return;
        stop();
        resolve();
      }, FRAME_RECHECK_MS);
    }
    observer.observe(win.document, { childList: true, subtree: true, characterData: true });
    win.addEventListener('resize', recheckSoon);
  });
}

/**
 * Resolves when the page is idle (the browser's idle callback), or after IDLE_TIMEOUT_MS on a page
 * that never is. Where there is no idle callback, after the current task.
 */
export function whenIdle(win: Window): Promise<void> {
  return new Promise((resolve) => {
    if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(resolve, 0);
  });
}

/**
 * Resolves once some text of `doc` may hold a term (`filter`, the sieve, lets a run of it through;
 * without one, any run does):
 * reading the document in slices of SLICE_BUDGET_MS, as the marker does, and then, on a page with
 * no such text, the text added or changed later. Never resolves once `signal` aborts.
 */
export function whenTermsMayBeHere(doc: Document, filter: () => RunFilter | undefined, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const view = doc.defaultView as (Window & typeof globalThis) | null;
    const walks: Iterator<TextRun | null>[] = [];
    let reading = false;
    const observed: MutationObserverInit = { childList: true, characterData: true, subtree: true };
    const observer = view ? new view.MutationObserver((records) => {
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
    }) : null;
    const stop = () => {
      observer?.disconnect();
      walks.length = 0;
    };
    function walk(root: Node): void {
      walks.push(textRuns(root, (shadow) => {
        // Changes inside a shadow root do not reach an observer of the document.
        observer?.observe(shadow, observed);
        walk(shadow);
      }, filter()));
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
        else if (next.value) {
          stop();
          resolve();
          return;
        } else if (performance.now() - start >= SLICE_BUDGET_MS) {
          setTimeout(read, 0);
          return;
        }
      }
      reading = false;
    }
    if (doc.documentElement) observer?.observe(doc.documentElement, observed);
    signal.addEventListener('abort', stop);
    walk(doc);
  });
}
