/**
 * Hover cards on Gloss's own pages (the source viewer, the welcome page): every element with `data-entry`
 * opens its entry's card after the same dwell, with the same grace period and stale-answer rule as on
 * web pages (lib/page/hover.ts). The card renders into `box`, placed next to the element. The same
 * keys as on web pages move from term to term and open their cards with the focus in them
 * (lib/keyboard.ts); Esc gives the focus back to the term.
 */
import { HoverMachine } from '../lib/page/hover';
import { isLookUpKey, stepOfKey } from '../lib/keyboard';
import { termFromReader, type Direction } from '../lib/page/reading-order';
import { EarlyAnswers, type CardRequest } from '../lib/card-requests';
import { CardPresenter, type CardContext } from './card-presenter';

/** Where the cards' data and links come from on this page. */
type HoverCardOptions = Pick<
  CardContext,
  'card' | 'lookUpText' | 'citationHref' | 'onOpenCitation' | 'entryHref' | 'onOpenEntry'
>;

/** A card asked for, and the element it is for. */
interface Anchor extends CardRequest {
  element: Element;
}

/** The class of the term the keyboard went to (its ring, in components/card.css). */
const TERM_AT = 'gloss-term-at';

/** Starts hover cards for `root`. */
export function attachHoverCards(root: HTMLElement, box: HTMLElement, options: HoverCardOptions) {
  const presenter = new CardPresenter(box, root, {
    ...options,
    onOpenRelated: (entryId) => {
      const open = hover.openTerm;
      if (open) hover.showNow({ element: open.element, entryId, focus: presenter.hasFocus() });
    },
    onClose: closeCard,
    onPointerEnter: () => hover.enterCard(),
    onPointerLeave: () => hover.leaveCard(),
  });
  const early = new EarlyAnswers<Anchor>(options);
  const hover: HoverMachine<Anchor> = new HoverMachine<Anchor>(
    {
      dwellStarted: (anchor) => early.ask(anchor),
      show: (anchor, token) => void presenter.present(early.with(anchor), anchor.element, () => hover.isCurrent(token)),
      hide: () => presenter.hide(),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (handle) => clearTimeout(handle as number),
    },
    (a, b) => a.element === b.element && a.entryId === b.entryId && a.query === b.query,
  );

  const onOver = (e: PointerEvent) => {
    const element = (e.target as Element | null)?.closest?.('[data-entry]');
    const entryId = element?.getAttribute('data-entry');
    if (element && entryId) hover.enterTerm({ element, entryId });
    else hover.leaveTerm();
  };
  const onLeave = () => hover.leaveTerm();

  /** The term the keyboard is at, and where the page was scrolled when its card opened. */
  let at: HTMLElement | null = null;
  let readingPosition = { left: 0, top: 0 };
  /** Moves to the next or previous term of the page and opens its card, with the focus in it. */
  const step = (direction: Direction) => {
    const terms = [...root.querySelectorAll<HTMLElement>('[data-entry]')];
    const place = (el: HTMLElement) => ({ point: { node: el, offset: 0 }, box: () => el.getBoundingClientRect() });
    const target = termFromReader(terms, place, at, document, direction);
    const entryId = target?.getAttribute('data-entry');
    if (!target || !entryId) return;
    at?.classList.remove(TERM_AT);
    at = target;
    target.classList.add(TERM_AT);
    target.scrollIntoView({ block: 'nearest', behavior: 'instant' });
    readingPosition = { left: scrollX, top: scrollY };
    hover.showNow({ element: target, entryId, focus: true });
  };
  /**
   * The card of the selection (or of `text`, the context menu's), with the focus in it: its term's
   * where it is in one, else the best match of its text.
   */
  const lookUp = (text: string) => {
    const selection = getSelection();
    const query = (text || selection?.toString() || '').replace(/\s+/g, ' ').trim();
    if (!query || !selection || selection.rangeCount === 0) return;
    const start = selection.getRangeAt(0).startContainer;
    const element = start instanceof Element ? start : start.parentElement;
    if (!element || !root.contains(element)) return;
    const term = element.closest('[data-entry]');
    const entryId = term?.getAttribute('data-entry') ?? null;
    hover.showNow(
      entryId && term ? { element: term, entryId, focus: true } : { element, entryId: null, query, focus: true },
    );
  };
  /** Closes the card; a card the focus was in gives it back to its term, where the page was read. */
  function closeCard(): void {
    const term = hover.openTerm?.element ?? null;
    const hadFocus = presenter.hasFocus();
    hover.close();
    if (!(term instanceof HTMLElement) || !hadFocus) return;
    if (term === at) scrollTo({ ...readingPosition, behavior: 'instant' });
    // A term that is not a link takes the focus all the same, without joining the Tab order.
    if (!term.matches('a[href], button')) term.tabIndex = -1;
    term.focus({ preventScroll: true });
  }
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') closeCard();
    if (isLookUpKey(e)) {
      e.preventDefault();
      lookUp('');
      return;
    }
    const direction = stepOfKey(e);
    if (!direction) return;
    e.preventDefault();
    step(direction);
  };
  root.addEventListener('pointerover', onOver);
  root.addEventListener('pointerleave', onLeave);
  document.addEventListener('keydown', onKey);
  const stop = () => {
    hover.close();
    presenter.stop();
    root.removeEventListener('pointerover', onOver);
    root.removeEventListener('pointerleave', onLeave);
    document.removeEventListener('keydown', onKey);
  };
  return { step, lookUp, stop };
}
