/**
 * The content script (finder.js): marks known terms on the page and opens a card when the reader
 * rests the pointer on one. Glue only: matching, scanning, pointer mapping and hover intent live in
 * lib/.
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
import { VIEWER_PAGE, citationTarget, entryHash, viewerHash } from '../../lib/citation';
import type { EvidenceRules } from '../../lib/match/evidence';
import type { Matcher } from '../../lib/match/matcher';
import { SieveReader, type Sieve } from '../../lib/match/sieve';
import { readMatcher, readSieve, readUnits, type PageMatcherData } from '../../lib/match/tables';
import { onPageMessage, sendMessage } from '../../lib/messages';
import { stepOfKey } from '../../lib/keyboard';
import { HIGHLIGHTS } from '../../lib/page/mark-colors';
import { TonedHighlight } from '../../lib/page/toned-highlight';
import { whenIdle, whenWorthReading } from '../../lib/page/frame';
import { whenTermsMayBeHere } from '../../lib/page/wake';
import { HoverMachine } from '../../lib/page/hover';
import { PageMarker } from '../../lib/page/marker';
import { isPointOnRange, textPositionFromPoint } from '../../lib/page/point';
import { readPreferences, readSiteList, siteKey, triggerHeld, type Preferences } from '../../lib/settings';
import { learnSharedUnits } from '../../lib/text/normalize';
import { LazyCardLayer } from './card-loader';
import { isKeyboardFrame, TermKeys } from './keyboard';

/**
 * How often to check that the extension is still there. Chrome gives an orphaned content script no
 * event when its extension is updated, reloaded or removed; without this check its marks would stay
 * on the page until the pointer next moved (docs/browser-bugs.md). One cheap property read per tick.
 */
const INVALIDATION_CHECK_MS = 2000;

/** Highlight names by mark style (lib/page/mark-colors.ts, which writes their stylesheet). */
const MARK_HIGHLIGHTS: Record<Preferences['markStyle'], (typeof HIGHLIGHTS)['underline']> = {
  underline: HIGHLIGHTS.underline,
  tint: HIGHLIGHTS.tint,
  none: HIGHLIGHTS.none,
};

function evidenceRulesOf(data: PageMatcherData): EvidenceRules {
  return { related: new Map(data.related), sides: new Map(data.sides), topical: new Set(data.topical) };
}

/** What a card is anchored to: a marked term, or a selection being looked up. */
interface CardAnchor {
  range: Range;
  entryId: string | null;
  query?: string;
  /** Opened from the keyboard: the focus goes into the card. */
  focus?: boolean;
}

export default defineUnlistedScript(async () => {
  // Nothing is done before the page is idle that can be done after; and a frame with nothing to
  // read (a tracking pixel, a hidden or empty frame) does nothing until it holds text.
  await whenIdle(window);
  await whenWorthReading(window);
  const setup = await pageSetup();
  if (setup) startGloss(setup);
});

interface ReadSetup {
  /** Null: the matcher has no sieve, and every text goes to the exact scan. */
  sieve: Sieve | null;
  preferences: Preferences;
  disabledSites: string[];
}

/**
 * The sieve and the settings, from the background; null if there are none to be had. (The content
 * script reads no storage itself: setting up the storage API would cost every frame of every page a
 * few milliseconds.)
 */
async function pageSetup(): Promise<ReadSetup | null> {
  const data = await sendMessage('pageSetup', undefined).catch(() => null);
  const sieve = data?.sieve ? readSieve(data.sieve) : null;
  const units = data && readUnits(data.units);
  if (!data || (data.sieve && !sieve) || !units || !learnSharedUnits(units)) return null;
  return { sieve, preferences: readPreferences(data.preferences), disabledSites: readSiteList(data.disabledSites) };
}

/** The rest of the matcher, read as it comes, and the evidence rules, once the page's text may hold a term. */
async function pageMatcher(sieve: Sieve | null): Promise<{ matcher: Matcher; rules: EvidenceRules } | null> {
  const data = await sendMessage('pageMatcher', undefined).catch(() => null);
  const matcher = data && readMatcher(data.matcher, sieve);
  return matcher ? { matcher, rules: evidenceRulesOf(data) } : null;
}

function startGloss(setup: ReadSetup): void {
  let { sieve } = setup;
  /** The page's events Gloss listens to, removed together when the extension goes away. */
  const listeners = new AbortController();
  /**
   * The extension was reloaded, updated or removed: this script is an orphan, and no event says so
   * (https://github.com/w3c/webextensions/issues/138; docs/browser-bugs.md).
   */
  const extensionGone = () => !browser.runtime?.id;
  const site = siteKey(location.href);
  let enabled = !setup.disabledSites.includes(site);
  let prefs = setup.preferences;
  // Marking goes: waiting for text that may hold a term (most pages' frames stay there), then for
  // the rest of the matcher, then on. Null while not marking: no marks, no cards from hovering.
  let marker: PageMarker | null = null;
  let waiting: AbortController | null = null;
  // Settled once marking has done what it can with the page as it is: the text read with none that
  // may hold a term, or the marker's first scan done, or marking stopped. The popup's summary waits.
  let marksSettled: Promise<void> = Promise.resolve();
  let settleMarks = () => {};
  const startMarking = () => {
    if (marker || waiting || !enabled) return;
    const wait = (waiting = new AbortController());
    // This run's own: a run stopped and replaced must not settle the next one's.
    let settle = () => {};
    marksSettled = new Promise((resolve) => (settle = resolve));
    settleMarks = settle;
    void (async () => {
      await whenTermsMayBeHere(document, () => (sieve ? new SieveReader(sieve) : undefined), wait.signal, settle);
      const fresh = await pageMatcher(sieve);
      if (!fresh || wait.signal.aborted || extensionGone()) return settle();
      waiting = null;
      marker = new PageMarker(document, {
        matcher: fresh.matcher,
        rules: fresh.rules,
        density: prefs.markDensity,
        highlightName: MARK_HIGHLIGHTS[prefs.markStyle],
        activeHighlightName: HIGHLIGHTS.active,
        flashHighlightName: HIGHLIGHTS.flash,
        onIdle: reportTerms,
      });
      marker.start();
      void marker.whenScanned().then(settle);
      listenToReader();
    })();
  };
  const stopMarking = () => {
    waiting?.abort();
    waiting = null;
    hover.close();
    termKeys.forget();
    marker?.stop();
    marker = null;
    settleMarks();
    reportTerms();
  };
  /** What the toolbar button shows for this frame: the entries marked here, and whether Gloss is on. */
  let reported = '';
  function reportTerms(): void {
    const entryIds = [...new Set(marker?.allMarks().map((m) => m.entryId))].sort();
    const key = `${enabled} ${entryIds.join(' ')}`;
    if (key === reported || extensionGone()) return;
    reported = key;
    sendMessage('pageTerms', { entryIds, enabled }).catch(() => {});
  }

  const viewerUrl = browser.runtime.getURL(VIEWER_PAGE);
  const cards = new LazyCardLayer({
    citationHref: (c) => viewerUrl + viewerHash(citationTarget(c)),
    onOpenCitation: (c) => void sendMessage('openViewer', citationTarget(c)).catch(() => {}),
    entryHref: (entryId) => viewerUrl + entryHash(entryId),
    onOpenEntry: (entryId) => void sendMessage('openEntry', entryId).catch(() => {}),
    onOpenRelated: (entryId) => {
      const range = cardAnchor();
      // A related entry chosen from the keyboard keeps the focus in the card it switches.
      if (range) hover.showNow({ range, entryId, focus: cards.hasFocus() });
    },
    onClose: () => closeCard(),
    onPointerEnter: () => hover.enterCard(),
    onPointerLeave: () => hover.leaveCard(),
  });

  const hover = new HoverMachine<CardAnchor>(
    {
      show: (anchor, token) => void showCard(anchor, token),
      hide: () => {
        cards.hide();
        marker?.setActive(null);
      },
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    },
    (a, b) => a.range === b.range && a.entryId === b.entryId,
  );

  async function showCard(anchor: CardAnchor, token: number): Promise<void> {
    // The card's script may still be loading: the pointer may have moved on by the time it is here.
    await cards.load();
    if (!hover.isCurrent(token) || extensionGone()) return;
    await cards.show({ status: 'loading' }, anchor.range, anchor.focus);
    const card = await (anchor.entryId ? sendMessage('card', anchor.entryId) : sendMessage('lookUpText', anchor.query ?? '')).catch(() => null);
    // The pointer may have moved on while the background answered: a stale answer is dropped.
    if (!hover.isCurrent(token) || extensionGone()) return;
    await cards.show(card ? { status: 'ready', card } : { status: 'none', query: anchor.query ?? '' }, anchor.range, anchor.focus);
  }

  /** The term the open card is for, if a card is open. */
  function cardAnchor(): Range | null {
    const s = hover.state;
    return s.kind === 'showing' || s.kind === 'leaving' ? s.term.range : null;
  }

  /** Closes the card (Esc, its close button); a card the focus was in gives it back to its term. */
  function closeCard(): void {
    const range = cardAnchor();
    const hadFocus = cards.hasFocus();
    hover.close();
    if (range && hadFocus) termKeys.returnTo(range);
  }

  // ── Keyboard: from marked term to term (Alt+Shift+. and Alt+Shift+,) ───────────────────────────
  const termKeys = new TermKeys(document, {
    marks: () => marker?.underlinedMarks() ?? [],
    open: (mark) => {
      marker?.setActive(mark);
      hover.showNow({ range: mark.range, entryId: mark.entryId, focus: true });
    },
    makeRing: () => new TonedHighlight(document, HIGHLIGHTS.focus),
  });

  // ── Pointer: one look-up per animation frame at most ──────────────────────────────────────────
  let pointer: { x: number; y: number; time: number; target: EventTarget | null; altKey: boolean; shiftKey: boolean } | null = null;
  let frameRequested = false;
  const onPointerMove = (e: PointerEvent) => {
    pointer = { x: e.clientX, y: e.clientY, time: e.timeStamp, target: e.target, altKey: e.altKey, shiftKey: e.shiftKey };
    requestCheck();
  };
  const requestCheck = () => {
    if (!frameRequested) {
      frameRequested = true;
      requestAnimationFrame(checkPointer);
    }
  };
  function checkPointer(): void {
    frameRequested = false;
    if (!pointer || hover.selecting || !marker || extensionGone()) return;
    if (cards.host && pointer.target === cards.host) return; // the card's own enter/leave handle it
    const pos = textPositionFromPoint(document, pointer.x, pointer.y, marker.shadowRoots);
    const mark = pos ? marker.markAt(pos.node, pos.offset) : null;
    if (mark && isPointOnRange(mark.range, pointer.x, pointer.y) && triggerHeld(prefs.cardTrigger, pointer)) {
      marker.setActive(mark);
      // Start loading the card's script at the start of the dwell, so it is there by the end.
      void cards.load();
      hover.enterTerm({ range: mark.range, entryId: mark.entryId }, pointer);
    } else {
      const s = hover.state;
      if (s.kind !== 'showing' && s.kind !== 'leaving') marker.setActive(null);
      hover.leaveTerm(pointer);
    }
  }

  // With a modifier-key trigger, pressing the key while resting on a term counts as arriving on it.
  const onModifier = (e: KeyboardEvent) => {
    if (!pointer || (e.key !== 'Alt' && e.key !== 'Shift')) return;
    pointer = { ...pointer, altKey: e.altKey, shiftKey: e.shiftKey };
    if (e.type === 'keydown') requestCheck();
  };
  /** The pointer and the keyboard, listened to once the page is marked or a card is open, not before. */
  let listening = false;
  function listenToReader(): void {
    if (listening) return;
    listening = true;
    const options = { capture: true, signal: listeners.signal };
    document.addEventListener('pointermove', onPointerMove, { ...options, passive: true });
    // No card while text is being selected: a press starts a possible selection, the release ends it.
    document.addEventListener('pointerdown', (e) => {
      if (cards.host && e.composedPath().includes(cards.host)) return;
      hover.startSelecting();
      termKeys.forget();
    }, options);
    document.addEventListener('pointerup', () => hover.endSelecting(), options);
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && hover.state.kind !== 'idle') closeCard();
      // The step commands' keys, where the browser's command did not take them (lib/keyboard.ts).
      const direction = stepOfKey(e);
      if (direction) {
        e.preventDefault();
        e.stopPropagation();
        termKeys.step(direction);
        return;
      }
      onModifier(e);
    }, options);
    document.addEventListener('keyup', onModifier, options);
  }

  // ── Selection look-ups: keyboard shortcut and context menu, sent by the background ────────────
  onPageMessage('lookUpSelection', ({ data }) => {
    const selection = window.getSelection();
    const text = data.trim() || selection?.toString() || '';
    if (!text.trim() || !selection || selection.rangeCount === 0) return;
    // Only the frame that holds the selection answers.
    if (selection.isCollapsed && !data) return;
    listenToReader();
    hover.showNow({ range: selection.getRangeAt(0).cloneRange(), entryId: null, query: text.trim() });
  });

  // The step commands, from the background: only the frame the reader's keys are in moves.
  onPageMessage('stepTerm', ({ data }) => {
    if (isKeyboardFrame(window)) termKeys.step(data.direction);
  });

  // ── The popup: what is marked here, jump to a term, switch Gloss off and on for this site ──────
  onPageMessage('pageSummary', async () => {
    // Answered from the page as it is, not from a scan under way (the popup may open, or switch Gloss
    // back on, while one runs).
    await marksSettled;
    await marker?.whenScanned();
    const counts = new Map<string, number>();
    for (const mark of marker?.allMarks() ?? []) counts.set(mark.entryId, (counts.get(mark.entryId) ?? 0) + 1);
    return { counts: [...counts], enabled, site };
  });
  onPageMessage('revealTerm', ({ data }) => marker?.reveal(data.entryId, data.index) ?? false);
  // The options page's preferences apply at once, in every open tab.
  const applyPreferences = (p: Preferences) => {
    prefs = p;
    hover.dwellMs = p.hoverDelayMs;
    marker?.showMarksAs(MARK_HIGHLIGHTS[p.markStyle]);
    marker?.setDensity(p.markDensity);
    cards.setTheme(p.theme);
  };
  applyPreferences(prefs);
  startMarking();
  // The top frame says at once whether Gloss is on here; frames speak once they have marked something.
  if (window === window.top) reportTerms();
  // Settings changed on the options page or in the popup; the background tells every tab.
  const stopListening = onPageMessage('settingsChanged', async ({ data }) => {
    if (data.preferences) applyPreferences(data.preferences);
    if (data.disabledSites) {
      enabled = !data.disabledSites.includes(site);
      if (enabled) startMarking();
      else stopMarking();
    }
    if (!data.userData) return;
    // The reader added or removed entries: read the page again with the new matcher.
    const fresh = await pageSetup();
    if (!fresh || extensionGone()) return;
    sieve = fresh.sieve;
    stopMarking();
    startMarking();
  });

  /**
   * The extension was reloaded, updated or removed: leave the page exactly as it was. The page first;
   * the message listener after, since the extension APIs may be gone and throw.
   */
  function leavePage(): void {
    listeners.abort();
    stopMarking();
    cards.remove();
    try {
      stopListening();
    } catch {
      // Nothing left to unregister from.
    }
  }
  const check = setInterval(() => {
    if (!extensionGone()) return;
    clearInterval(check);
    leavePage();
  }, INVALIDATION_CHECK_MS);
}

