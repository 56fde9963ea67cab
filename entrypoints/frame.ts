/**
 * The content script of every frame but the top one (frame.js; the manifest entry is written in
 * wxt.config.ts). A news page carries many frames with nothing to read in them: ad slots, tracking
 * pixels, hidden and empty frames. Evaluating the finder costs a frame about 0.3 ms on the
 * benchmark's machine before it has looked at anything; this script, a few kilobytes, waits for the
 * page to be idle and for the frame to hold text worth reading (or text the reader selects), and
 * only then loads the finder into the frame's isolated world. The top frame runs the finder itself.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extensionApi } from '../adapters/extension-api';
import { whenIdle, whenWorthReading } from '../lib/page/frame';

/** The finder's script, web-accessible (wxt.config.ts) so that a frame can import it. */
const FINDER_SCRIPT = '/finder.js';

export default defineUnlistedScript(async () => {
  if (window === window.top) return;
  await whenIdle(window);
  await whenWorthReading(window);
  // The extension went away while the frame waited, or its script cannot be had: the frame stays
  // as it is, with no error on the page.
  await import(/* @vite-ignore */ extensionApi().runtime.getURL(FINDER_SCRIPT)).catch(() => {});
});
