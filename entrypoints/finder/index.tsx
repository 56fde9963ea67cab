/**
 * The content script (finder.js): marks known terms on the page and opens a card when the reader
 * rests the pointer on one. A table of contents; each part has one job:
 * - setup.ts: what the background sends (the sieve and settings, then the rest of the matcher);
 * - marking.ts: marking the page, started and stopped, and what it tells the toolbar button;
 * - cards.ts: the hover machine and the card layer, loaded on first use;
 * - pointer.ts: the reader's pointer and keys, handed to the hover machine;
 * - keyboard.ts: from marked term to term with the keyboard;
 * - here: the reader's settings, applied as they change, and what the background and the popup ask
 *   of the page.
 * Matching, scanning, pointer mapping and hover intent live in lib/.
 *
 * It runs in the top frame of every page (the manifest entry is written in wxt.config.ts), and in
 * any other frame once it holds text worth reading (entrypoints/frame.ts loads it there), so it is
 * built as a plain script rather than as WXT's content script, whose wrapper sets up a context
 * (events posted to the page, the runtime looked up as the script is evaluated) before any of
 * Gloss runs. What the context did for Gloss is done here: listeners that go together, and a
 * look every INVALIDATION_CHECK_MS for an extension that went away. The card's script makes WXT's
 * context for the card's shadow-root UI (components/card-layer.tsx).
 */
import { extensionApi } from '../../adapters/extension-api';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { onPageMessage } from '../../lib/messages';
import { HIGHLIGHTS } from '../../lib/page/mark-colors';
import { whenIdle } from '../../lib/page/frame';
import { siteKey, type Preferences } from '../../lib/settings';
import { PageCards } from './cards';
import { isKeyboardFrame, TermKeys } from './keyboard';
import { PageMarking } from './marking';
import { listenToReader, type ReaderListeners } from './pointer';
import { pageSetup, type PageSetup } from './setup';

/**
 * How often to check that the extension is still there. Chrome gives an orphaned content script no
 * event when its extension is updated, reloaded or removed; without this check its marks would stay
 * on the page until the pointer next moved (docs/browser-bugs.md). One cheap property read per tick.
 */
const INVALIDATION_CHECK_MS = 2000;

export default defineUnlistedScript(async () => {
  // Nothing is done before the page is idle that can be done after. Another frame is here because
  // entrypoints/frame.ts waited for that, and for text worth reading: a frame the reader's selection
  // woke starts at once, since the look-up may already be on its way.
  if (window === window.top) await whenIdle(window);
  // A frame woken by the reader's selection may be asked to look it up before it has started: the
  // request is kept, and answered once it has.
  let earlyLookUp: string | null = null;
  const stopHolding = onPageMessage('lookUpSelection', ({ data }) => {
    earlyLookUp = data;
  });
  const setup = await pageSetup();
  stopHolding();
  if (setup) startGloss(setup, earlyLookUp);
});

/** `earlyLookUp`: the text of a look-up asked for while the frame started, to answer now. */
function startGloss(setup: PageSetup, earlyLookUp: string | null): void {
  /**
   * The extension was reloaded, updated or removed: this script is an orphan, and no event says so
   * (https://github.com/w3c/webextensions/issues/138; docs/browser-bugs.md).
   */
  const extensionGone = () => !extensionApi().runtime?.id;
  const site = siteKey(location.href);
  let preferences = setup.preferences;
  /** The page's events Gloss listens to, removed together when the extension goes away. */
  const listeners = new AbortController();
  /** The reader's pointer and keys, listened to once the page is marked or a card is open. */
  let reader: ReaderListeners | null = null;
  const listen = () => {
    if (reader) return;
    reader = listenToReader(
      document,
      { cards, marking, termKeys, preferences: () => preferences, extensionGone },
      listeners.signal,
    );
  };

  const marking: PageMarking = new PageMarking(document, setup.sieve, !setup.disabledSites.includes(site), {
    preferences: () => preferences,
    extensionGone,
    onMarked: listen,
    onStopped: () => {
      cards.hover.close();
      termKeys.forget();
    },
    onMarksSettled: () => reader?.marksSettled(),
  });
  const cards: PageCards = new PageCards({
    theme: () => preferences.theme,
    extensionGone,
    onClosed: () => marking.marker?.setActive(null),
    returnFocus: (range) => termKeys.returnTo(range),
  });
  const termKeys = new TermKeys(document, {
    marks: async () => {
      await marking.readWholePage();
      return marking.marker?.underlinedMarks() ?? [];
    },
    open: (mark) => {
      marking.marker?.setActive(mark);
      cards.hover.showNow({ range: mark.range, entryId: mark.entryId, focus: true });
    },
  });
  /** The reader's preferences, applied at once when changed on the options page. */
  const apply = (p: Preferences) => {
    preferences = p;
    cards.hover.dwellMs = p.hoverDelayMs;
    marking.marker?.showMarksAs(HIGHLIGHTS[p.markStyle]);
    marking.marker?.setDensity(p.markDensity);
    cards.layer?.setTheme(p.theme);
  };
  apply(preferences);

  /** Opens a card for the reader's selection (`data`: its text as the background saw it, if it did). */
  const lookUpSelection = (data: string) => {
    const selection = window.getSelection();
    const text = data.trim() || selection?.toString() || '';
    if (!text.trim() || !selection || selection.rangeCount === 0) return;
    // Only the frame that holds the selection answers.
    if (selection.isCollapsed && !data) return;
    listen();
    cards.hover.showNow({ range: selection.getRangeAt(0).cloneRange(), entryId: null, query: text.trim() });
  };

  const stopAnswering = [
    // The settings changed (the background tells every tab): the preferences apply, the site switch
    // starts or stops marking, and entries the reader added or removed make the page be read again.
    onPageMessage('settingsChanged', async ({ data }) => {
      if (data.preferences) apply(data.preferences);
      if (data.disabledSites) marking.setEnabled(!data.disabledSites.includes(site));
      if (!data.userData) return;
      const fresh = await pageSetup();
      if (fresh && !extensionGone()) marking.restart(fresh.sieve);
    }),
    // Look up the selection (the shortcut and the context menu).
    onPageMessage('lookUpSelection', ({ data }) => lookUpSelection(data)),
    // The browser's step commands: only the frame the reader's keys are in moves.
    onPageMessage('stepTerm', ({ data }) => {
      if (isKeyboardFrame(window)) void termKeys.step(data.direction);
    }),
    // The popup's summary: what is marked here, and one of those marks revealed.
    onPageMessage('pageSummary', async () => {
      // Answered from the whole page as it is, not from a scan under way (the popup may open, or switch
      // Gloss back on, while one runs) nor only from the text near the screen.
      await marking.readWholePage();
      const counts = new Map<string, number>();
      for (const mark of marking.marker?.allMarks() ?? [])
        counts.set(mark.entryId, (counts.get(mark.entryId) ?? 0) + 1);
      return { counts: [...counts], enabled: marking.enabled, site };
    }),
    onPageMessage('revealTerm', ({ data }) => marking.marker?.reveal(data.entryId, data.index) ?? false),
  ];
  marking.start();
  // The top frame says at once whether Gloss is on here; frames speak once they have marked something.
  if (window === window.top) marking.report();
  if (earlyLookUp !== null) lookUpSelection(earlyLookUp);

  // The extension went away: leave the page exactly as it was. The page first; the message listeners
  // after, since the extension APIs may be gone and throw.
  const check = setInterval(() => {
    if (!extensionGone()) return;
    clearInterval(check);
    listeners.abort();
    marking.stop();
    cards.remove();
    try {
      stopAnswering.forEach((stop) => stop());
    } catch {
      // Nothing left to unregister from.
    }
  }, INVALIDATION_CHECK_MS);
}
