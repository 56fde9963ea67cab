/**
 * Content script: marks known terms on the page and opens a card when the reader rests the pointer on
 * one. Glue only: matching, scanning, pointer mapping and hover intent live in lib/.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { READER_PAGE, citationTarget, entryHash, readerHash } from '../../lib/citation';
import type { EvidenceRules } from '../../lib/match/evidence';
import { buildMatcher } from '../../lib/match/matcher';
import { isEntryId, onMessage, sendMessage } from '../../lib/messages';
import { HoverMachine } from '../../lib/page/hover';
import { PageMarker } from '../../lib/page/marker';
import { isPointOnRange, textPositionFromPoint } from '../../lib/page/point';
import { DEFAULT_PREFERENCES, disabledSites, preferences, siteKey, triggerHeld, userDataVersion, type Preferences } from '../../lib/settings';
import type { MatcherData } from '../../lib/store/knowledge';
import { LazyCardLayer } from './card-loader';

/**
 * How often to check that the extension is still there. Chrome gives an orphaned content script no
 * event when its extension is updated, reloaded or removed; without this check its marks would stay
 * on the page until the pointer next moved (docs/browser-bugs.md). One cheap property read per tick.
 */
const INVALIDATION_CHECK_MS = 2000;

/** Highlight names; public/highlights.css styles them. Gloss-specific: the registry is shared with the page. */
const MARK_HIGHLIGHTS: Record<Preferences['markStyle'], string> = {
  underline: 'gloss-term',
  tint: 'gloss-term-tint',
  // Registered, so hovering still finds the terms, but no stylesheet rule shows them.
  none: 'gloss-term-unmarked',
};
const ACTIVE_HIGHLIGHT = 'gloss-term-active';
const FLASH_HIGHLIGHT = 'gloss-term-flash';

function evidenceRulesOf(data: MatcherData): EvidenceRules {
  return { related: new Map(data.related), sides: new Map(data.sides), topical: new Set(data.topical) };
}

/** What a card is anchored to: a marked term, or a selection being looked up. */
interface CardAnchor {
  range: Range;
  entryId: string | null;
  query?: string;
}

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  runAt: 'document_idle',
  // The card's CSS travels inside the card's own script (components/card-layer.tsx).
  cssInjectionMode: 'manual',
  async main(ctx) {
    const data = await sendMessage('matcherData', undefined).catch(() => null);
    if (!data || ctx.isInvalid) return;
    startGloss(ctx, data);
  },
});

function startGloss(ctx: ContentScriptContext, data: MatcherData): void {
  let matcher = buildMatcher(data.aliases);
  let rules = evidenceRulesOf(data);
  const site = siteKey(location.href);
  // Null while Gloss is switched off on this site: no marks, no cards.
  let marker: PageMarker | null = null;
  let prefs = DEFAULT_PREFERENCES;
  const startMarking = () => {
    if (marker) return;
    marker = new PageMarker(document, {
      matcher,
      rules,
      density: prefs.markDensity,
      highlightName: MARK_HIGHLIGHTS[prefs.markStyle],
      activeHighlightName: ACTIVE_HIGHLIGHT,
      flashHighlightName: FLASH_HIGHLIGHT,
    });
    marker.start();
  };
  const stopMarking = () => {
    hover.close();
    marker?.stop();
    marker = null;
  };

  const readerUrl = browser.runtime.getURL(READER_PAGE);
  const cards = new LazyCardLayer(ctx, {
    citationHref: (c) => readerUrl + readerHash(citationTarget(c)),
    onOpenCitation: (c) => void sendMessage('openReader', citationTarget(c)).catch(() => {}),
    entryHref: (entryId) => readerUrl + entryHash(entryId),
    onOpenEntry: (entryId) => void sendMessage('openEntry', entryId).catch(() => {}),
    onOpenRelated: (entryId) => {
      const s = hover.state;
      const range = s.kind === 'showing' || s.kind === 'leaving' ? s.term.range : null;
      if (range) hover.showNow({ range, entryId });
    },
    onClose: () => hover.close(),
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
      setTimer: (fn, ms) => ctx.setTimeout(fn, ms),
      clearTimer: (handle) => clearTimeout(handle as number),
    },
    (a, b) => a.range === b.range && a.entryId === b.entryId,
  );

  async function showCard(anchor: CardAnchor, token: number): Promise<void> {
    // The card's script may still be loading: the pointer may have moved on by the time it is here.
    await cards.load();
    if (!hover.isCurrent(token) || ctx.isInvalid) return;
    await cards.show({ status: 'loading' }, anchor.range);
    const card = await (anchor.entryId ? sendMessage('card', anchor.entryId) : sendMessage('lookUpText', anchor.query ?? '')).catch(() => null);
    // The pointer may have moved on while the background answered: a stale answer is dropped.
    if (!hover.isCurrent(token) || ctx.isInvalid) return;
    await cards.show(card ? { status: 'ready', card } : { status: 'none', query: anchor.query ?? '' }, anchor.range);
  }

  // ── Pointer: one look-up per animation frame at most ──────────────────────────────────────────
  let pointer: { x: number; y: number; target: EventTarget | null; altKey: boolean; shiftKey: boolean } | null = null;
  let frameRequested = false;
  let selecting = false;
  const onPointerMove = (e: PointerEvent) => {
    pointer = { x: e.clientX, y: e.clientY, target: e.target, altKey: e.altKey, shiftKey: e.shiftKey };
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
    if (!pointer || selecting || !marker || ctx.isInvalid) return;
    if (cards.host && pointer.target === cards.host) return; // the card's own enter/leave handle it
    const pos = textPositionFromPoint(document, pointer.x, pointer.y, marker.shadowRoots);
    const mark = pos ? marker.markAt(pos.node, pos.offset) : null;
    if (mark && isPointOnRange(mark.range, pointer.x, pointer.y) && triggerHeld(prefs.cardTrigger, pointer)) {
      marker.setActive(mark);
      // Start loading the card's script at the start of the dwell, so it is there by the end.
      void cards.load();
      hover.enterTerm({ range: mark.range, entryId: mark.entryId });
    } else {
      const s = hover.state;
      if (s.kind !== 'showing' && s.kind !== 'leaving') marker.setActive(null);
      hover.leaveTerm();
    }
  }

  ctx.addEventListener(document, 'pointermove', onPointerMove, { passive: true, capture: true });
  // No card while text is being selected: a press starts a possible selection, the release ends it.
  ctx.addEventListener(document, 'pointerdown', (e) => {
    if (cards.host && e.composedPath().includes(cards.host)) return;
    selecting = true;
    hover.close();
  }, { capture: true });
  ctx.addEventListener(document, 'pointerup', () => {
    selecting = false;
  }, { capture: true });
  // With a modifier-key trigger, pressing the key while resting on a term counts as arriving on it.
  const onModifier = (e: KeyboardEvent) => {
    if (!pointer || (e.key !== 'Alt' && e.key !== 'Shift')) return;
    pointer = { ...pointer, altKey: e.altKey, shiftKey: e.shiftKey };
    if (e.type === 'keydown') requestCheck();
  };
  ctx.addEventListener(document, 'keydown', (e) => {
    if (e.key === 'Escape' && hover.state.kind !== 'idle') hover.close();
    onModifier(e);
  }, { capture: true });
  ctx.addEventListener(document, 'keyup', onModifier, { capture: true });

  // ── Selection look-ups: keyboard shortcut and context menu, sent by the background ────────────
  onMessage('lookUpSelection', ({ data }) => {
    const selection = window.getSelection();
    const text = (typeof data === 'string' && data.trim()) || selection?.toString() || '';
    if (!text.trim() || !selection || selection.rangeCount === 0) return;
    // Only the frame that holds the selection answers.
    if (selection.isCollapsed && !data) return;
    hover.showNow({ range: selection.getRangeAt(0).cloneRange(), entryId: null, query: text.trim() });
  });

  // ── The popup: what is marked here, jump to a term, switch Gloss off and on for this site ──────
  onMessage('pageSummary', async () => {
    const counts = new Map<string, number>();
    for (const mark of marker?.allMarks() ?? []) counts.set(mark.entryId, (counts.get(mark.entryId) ?? 0) + 1);
    return { counts: [...counts], enabled: marker !== null, site };
  });
  onMessage('revealTerm', ({ data }) =>
    isEntryId(data?.entryId) && Number.isInteger(data.index) ? (marker?.reveal(data.entryId, data.index) ?? false) : false,
  );
  // The options page's preferences apply at once, in every open tab.
  const applyPreferences = (p: Preferences) => {
    prefs = p;
    hover.dwellMs = p.hoverDelayMs;
    marker?.showMarksAs(MARK_HIGHLIGHTS[p.markStyle]);
    marker?.setDensity(p.markDensity);
    cards.setTheme(p.theme);
  };
  Promise.all([disabledSites.getValue(), preferences.getValue()]).then(([sites, p]) => {
    applyPreferences(p);
    if (!sites.includes(site)) startMarking();
  });
  const unwatchSites = disabledSites.watch((sites) => (sites.includes(site) ? stopMarking() : startMarking()));
  const unwatchPreferences = preferences.watch(applyPreferences);
  // The reader added or removed entries: mark the page again with the new matcher.
  const unwatchUserData = userDataVersion.watch(async () => {
    const fresh = await sendMessage('matcherData', undefined).catch(() => null);
    if (!fresh || ctx.isInvalid) return;
    matcher = buildMatcher(fresh.aliases);
    rules = evidenceRulesOf(fresh);
    if (marker) {
      stopMarking();
      startMarking();
    }
  });

  // Reading ctx.isValid notices a missing runtime and fires onInvalidated.
  ctx.setInterval(() => {}, INVALIDATION_CHECK_MS);
  ctx.onInvalidated(() => {
    // The extension was reloaded, updated or removed: leave the page exactly as it was. The page
    // first; the storage listener after, since the extension APIs may be gone and throw.
    stopMarking();
    cards.remove();
    try {
      unwatchSites();
      unwatchPreferences();
      unwatchUserData();
    } catch {
      // Nothing left to unregister from.
    }
  });
}

