/**
 * The content script every frame of every page runs (page-gate.js; its manifest entry is written
 * in wxt.config.ts). It is kept to a few kilobytes, since a news page has a score of frames and
 * each evaluates it: it waits for the page to be idle and for the frame to hold text worth reading
 * (lib/page/frame.ts), and only then loads Gloss itself, finder.js, into the frame's isolated world.
 * A tracking pixel, a hidden or an empty frame never loads it, unless it grows or fills.
 */
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { whenIdle, whenWorthReading } from '../lib/page/frame';

/** Gloss's content script proper, as listed in the manifest's web_accessible_resources. */
const FINDER_SCRIPT = '/finder.js';

export default defineUnlistedScript(async () => {
  await whenIdle(window);
  await whenWorthReading(window);
  // The extension may be gone by now (updated or removed): then there is nothing to load.
  await import(/* @vite-ignore */ browser.runtime.getURL(FINDER_SCRIPT)).catch(() => {});
});
