/**
 * The content script (finder.js): marks known terms on the page and opens a card when the reader
 * rests the pointer on one. A table of contents; each part has one job:
 * - setup.ts: what the background sends (the sieve and settings, then the rest of the matcher);
 * - marking.ts: marking the page, started and stopped, and what it tells the toolbar button;
 * - cards.ts: the hover machine and the card layer (card-loader.ts, loaded on first use);
 * - pointer.ts: the reader's pointer and keys, handed to the hover machine;
 * - keyboard.ts: from marked term to term with the keyboard;
 * - page-commands.ts: what the background and the popup ask of the page;
 * - preferences.ts: the reader's settings, applied as they change.
 * Matching, scanning, pointer mapping and hover intent live in lib/.
 *
 * It runs in every frame of every page (the manifest entry is written in wxt.config.ts), so it is
 * built as a plain script rather than as WXT's content script, whose wrapper sets up a context in
 * every frame (events posted to the page, the runtime looked up as the script is evaluated) before
 * any of Gloss runs. What the context did for Gloss is done here: listeners that go together, and a
 * look every INVALIDATION_CHECK_MS for an extension that went away. The card's script makes WXT's
 * context for the card's shadow-root UI (components/card-layer.tsx).
 */
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { HIGHLIGHTS } from '../../lib/page/mark-colors';
import { TonedHighlight } from '../../lib/page/toned-highlight';
import { whenIdle, whenWorthReading } from '../../lib/page/frame';
import { siteKey } from '../../lib/settings';
import { PageCards } from './cards';
import { TermKeys } from './keyboard';
import { PageMarking } from './marking';
import { answerPageCommands } from './page-commands';
import { listenToReader } from './pointer';
import { PagePreferences } from './preferences';
import { pageSetup, type PageSetup } from './setup';

/**
 * How often to check that the extension is still there. Chrome gives an orphaned content script no
 * event when its extension is updated, reloaded or removed; without this check its marks would stay
 * on the page until the pointer next moved (docs/browser-bugs.md). One cheap property read per tick.
 */
const INVALIDATION_CHECK_MS = 2000;

export default defineUnlistedScript(async () => {
  // Nothing is done before the page is idle that can be done after; and a frame with nothing to
  // read (a tracking pixel, a hidden or empty frame) does nothing until it holds text.
  await whenIdle(window);
  await whenWorthReading(window);
  const setup = await pageSetup();
  if (setup) startGloss(setup);
});

function startGloss(setup: PageSetup): void {
  /**
   * The extension was reloaded, updated or removed: this script is an orphan, and no event says so
   * (https://github.com/w3c/webextensions/issues/138; docs/browser-bugs.md).
   */
  const extensionGone = () => !browser.runtime?.id;
  const site = siteKey(location.href);
  /** The page's events Gloss listens to, removed together when the extension goes away. */
  const listeners = new AbortController();
  let listening = false;
  const listen = () => {
    if (listening) return;
    listening = true;
    listenToReader(
      document,
      { cards, marking, termKeys, preferences: () => preferences.current, extensionGone },
      listeners.signal,
    );
  };

  const marking: PageMarking = new PageMarking(document, setup.sieve, !setup.disabledSites.includes(site), {
    preferences: () => preferences.current,
    extensionGone,
    onMarked: listen,
    onStopped: () => {
      cards.hover.close();
      termKeys.forget();
    },
  });
  const cards: PageCards = new PageCards({
    theme: () => preferences.current.theme,
    extensionGone,
    onClosed: () => marking.marker?.setActive(null),
    returnFocus: (range) => termKeys.returnTo(range),
  });
  const termKeys = new TermKeys(document, {
    marks: () => marking.marker?.underlinedMarks() ?? [],
    open: (mark) => {
      marking.marker?.setActive(mark);
      cards.hover.showNow({ range: mark.range, entryId: mark.entryId, focus: true });
    },
    makeRing: () => new TonedHighlight(document, HIGHLIGHTS.focus),
  });
  const preferences: PagePreferences = new PagePreferences(setup.preferences, marking, cards);

  const stopCommands = answerPageCommands({ cards, marking, termKeys, site, listen });
  marking.start();
  // The top frame says at once whether Gloss is on here; frames speak once they have marked something.
  if (window === window.top) marking.report();
  const stopFollowing = preferences.follow(site, extensionGone);

  // The extension went away: leave the page exactly as it was. The page first; the message listeners
  // after, since the extension APIs may be gone and throw.
  const check = setInterval(() => {
    if (!extensionGone()) return;
    clearInterval(check);
    listeners.abort();
    marking.stop();
    cards.remove();
    try {
      stopCommands();
      stopFollowing();
    } catch {
      // Nothing left to unregister from.
    }
  }, INVALIDATION_CHECK_MS);
}
