/**
 * The card's one presenter, on web pages (card-layer.tsx, in a shadow root) and on Gloss's own pages
 * (hover-cards.tsx): a request for an entry's card, or for the best match of a text, is shown as
 * loading, fetched, dropped if the hover machine has moved on by the time the answer comes, drawn,
 * placed next to its anchor and, from the keyboard, given the focus and said to screen readers.
 */
import { render } from 'preact';
import { t } from '../lib/i18n';
import { askForCard, type CardRequest, type CardSource } from '../lib/card-requests';
import { Card, type CardProps, type CardView } from './Card';
import { placeFloating } from './place';

/** Where a card's data and its links come from, and what its buttons do, in the context that shows it. */
export interface CardContext extends Omit<CardProps, 'view'>, CardSource {
  onPointerEnter(): void;
  onPointerLeave(): void;
}

/**
 * What a card says when its answer is missing: a marked entry that cannot be read is a fault, said as
 * one; a text that matches no entry is an answer.
 */
function missingCard(request: CardRequest): CardView {
  return request.entryId
    ? { status: 'error', message: t('entryNotLoaded') }
    : { status: 'none', query: request.query ?? '' };
}

export class CardPresenter {
  private stopPlacing: (() => void) | null = null;
  private readonly announce: (name: string) => void;
  private readonly listeners = new AbortController();

  /** Draws into `box` (hidden while no card is open); the screen readers' live region goes into `announceIn`. */
  constructor(
    readonly box: HTMLElement,
    announceIn: HTMLElement,
    private readonly context: CardContext,
  ) {
    this.announce = cardAnnouncer(announceIn);
    box.hidden = true;
    const { signal } = this.listeners;
    box.addEventListener('pointerenter', () => context.onPointerEnter(), { signal });
    box.addEventListener('pointerleave', () => context.onPointerLeave(), { signal });
    box.addEventListener('keydown', (e) => onCardArrowKey(box, e), { signal });
  }

  /**
   * Shows the card `request` asks for next to `anchor`: loading first, then the answer, unless
   * `isCurrent()` says the pointer has moved on while it was fetched.
   */
  async present(request: CardRequest, anchor: Range | Element, isCurrent: () => boolean): Promise<void> {
    this.draw({ status: 'loading' }, anchor, request.focus);
    const card = await (request.answer ?? askForCard(this.context, request)).catch(() => null);
    if (!isCurrent()) return;
    this.draw(card ? { status: 'ready', card } : missingCard(request), anchor, request.focus);
  }

  /** Whether the focus is in the card. */
  hasFocus(): boolean {
    return cardHasFocus(this.box);
  }

  hide(): void {
    this.stopPlacing?.();
    this.stopPlacing = null;
    this.box.hidden = true;
    render(null, this.box);
  }

  /** Hides the card and stops listening to its box. */
  stop(): void {
    this.hide();
    this.listeners.abort();
  }

  private draw(view: CardView, anchor: Range | Element, focus = false): void {
    render(<Card view={view} {...this.context} />, this.box);
    this.box.hidden = false;
    this.stopPlacing?.();
    this.stopPlacing = placeFloating(anchor, this.box);
    if (!focus) return;
    focusCard(this.box);
    if (view.status === 'ready') this.announce(view.card.name);
  }
}

// The card from the keyboard: the focus put in it, moved among its links and buttons with the arrow
// keys as well as Tab, and its opening said to screen readers.

const FOCUSABLE = 'a[href], button:not([disabled])';

/** Puts the focus on the card in `box` (a non-modal dialog), without scrolling the page under it. */
function focusCard(box: HTMLElement): void {
  box.querySelector<HTMLElement>('.card')?.focus({ preventScroll: true });
}

/** Whether the focus is inside the card in `box`. */
function cardHasFocus(box: HTMLElement): boolean {
  const root = box.getRootNode() as Document | ShadowRoot;
  const active = root.activeElement;
  return !!active && box.contains(active);
}

/**
 * Arrow keys in the card: down and right go to its next link or button, up and left to the one
 * before (round at either end), Home and End to the first and last. Other keys are left alone.
 */
function onCardArrowKey(box: HTMLElement, event: KeyboardEvent): void {
  const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1, Home: 0, End: 0 }[event.key];
  if (step === undefined || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const controls = [...box.querySelectorAll<HTMLElement>(FOCUSABLE)];
  if (!controls.length) return;
  const active = (box.getRootNode() as Document | ShadowRoot).activeElement as HTMLElement | null;
  const at = active ? controls.indexOf(active) : -1;
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? controls.length - 1
        : at === -1
          ? step > 0
            ? 0
            : controls.length - 1
          : (at + step + controls.length) % controls.length;
  event.preventDefault();
  controls[next].focus({ preventScroll: true });
}

/**
 * A polite live region in `parent`, and the function that says a card opened in it. The region is
 * there before anything is said in it, as screen readers need.
 */
function cardAnnouncer(parent: HTMLElement): (name: string) => void {
  const region = parent.ownerDocument.createElement('div');
  region.className = 'gloss-announce';
  region.setAttribute('role', 'status');
  region.setAttribute('aria-live', 'polite');
  parent.append(region);
  return (name) => {
    region.textContent = t('cardOpened', name);
  };
}
