/**
 * When a frame is read. The content script runs in every frame of every page, and a news page
 * carries many frames with nothing to read in them: tracking pixels, hidden frames, ad slots, empty
 * frames. Those do nothing (nothing asked of the background, no scan, no listener but those of the
 * wait itself) until they hold text worth reading, or the reader selects text in them (to look it
 * up with the shortcut or the context menu); and no frame starts before the page is idle, since
 * nothing Gloss does is needed sooner.
 */
import { textRuns } from './text-runs';

/** Smallest frame that can show a line of text, in CSS pixels: a tracking pixel or a hidden frame is smaller. */
export const MIN_FRAME_WIDTH = 40;
export const MIN_FRAME_HEIGHT = 12;
/**
 * Least text a frame other than the top one must hold to be read, in characters: about a sentence.
 * An ad's line, a button's caption or a player's title is shorter; a post, a comment or an article
 * is longer.
 */
export const MIN_FRAME_TEXT = 100;
/** A frame that does not hold text worth reading yet looks again this long after it changes. */
export const FRAME_RECHECK_MS = 500;
/** Longest wait for the page to be idle before Gloss starts anyway. */
export const IDLE_TIMEOUT_MS = 2000;

/**
 * Whether a frame holds text worth reading: the top frame always; another frame when it holds at
 * least MIN_FRAME_TEXT characters of text (outside scripts, styles, code and editors, as the scan
 * reads) and is large enough to show a line.
 */
export function isWorthReading(win: Window): boolean {
  if (win === win.top) return true;
  // The text first: a frame's size is read from the layout of the page around it, which reading it
  // may make the browser bring up to date; most frames that hold no text are answered without.
  const body = win.document.body;
  if (!body || !holdsText(body, MIN_FRAME_TEXT)) return false;
  return win.innerWidth >= MIN_FRAME_WIDTH && win.innerHeight >= MIN_FRAME_HEIGHT;
}

/** Whether `root` holds at least `least` characters of text as the scan reads it, white space around each run aside. */
function holdsText(root: Element, least: number): boolean {
  // All the text of the element's tree, scripts and styles too, is one call: a frame short of text
  // by that count (most ad slots and empty frames) is answered without walking its nodes.
  if ((root.textContent ?? '').trim().length < least) return false;
  let length = 0;
  for (const run of textRuns(root)) if (run && (length += run.text.trim().length) >= least) return true;
  return false;
}

/**
 * Resolves once `win` holds text worth reading: at once for most frames; for the others, when a
 * change to their size or their content makes them so, or when the reader selects text in them: a
 * short line the reader means to look up is worth reading to that reader.
 */
export function whenWorthReading(win: Window): Promise<void> {
  // Text the reader selected before this script looked (it waits for the page to be idle) counts too.
  if (isWorthReading(win) || holdsSelectedTextOnArrival(win)) return Promise.resolve();
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    // A hidden frame that is shown, or a pixel that grows, is resized; an empty one is filled.
    const observer = new (win as Window & typeof globalThis).MutationObserver(() => recheckSoon());
    const stop = () => {
      observer.disconnect();
      win.removeEventListener('resize', recheckSoon);
      win.document.removeEventListener('selectionchange', onSelection);
      if (timer !== null) clearTimeout(timer);
    };
    function onSelection(): void {
      if (!holdsSelectedText(win)) return;
      stop();
      resolve();
    }
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
    win.document.addEventListener('selectionchange', onSelection);
  });
}

/** Whether the reader has selected text in `win`: a click moves the caret, which is a selection too, of nothing. */
function holdsSelectedText(win: Window): boolean {
  return !!win.getSelection()?.toString().trim();
}

/**
 * holdsSelectedText, asked as the script arrives, of a frame that has the focus: selecting text
 * with the pointer or the keys gives the frame the focus, and the first look at a frame's selection
 * costs Chromium about 0.3 ms (its Selection object is made then), which every frame of a page
 * with many would pay.
 */
function holdsSelectedTextOnArrival(win: Window): boolean {
  return win.document.hasFocus() && holdsSelectedText(win);
}

/**
 * Resolves when the page is idle (the browser's idle callback), or after IDLE_TIMEOUT_MS on a page
 * that never is. Where there is no idle callback, after the current task.
 */
export function whenIdle(win: Window): Promise<void> {
  return new Promise((resolve) => {
    if (typeof win.requestIdleCallback === 'function')
      win.requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(resolve, 0);
  });
}
