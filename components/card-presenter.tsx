/**
 * The card's one presenter, on web pages (card-layer.tsx, in a shadow root) and on Gloss's own pages
 * (hover-cards.tsx): a request for an entry's card, or for the best match of a text, is shown as
 * loading, fetched, dropped if the hover machine has moved on by the time the answer comes, drawn,
 * placed next to its anchor and, from the keyboard, given the focus and said to screen readers.
 */
import { render } from 'preact';
import { t } from '../lib/i18n';
import type { CardData } from '../lib/views';
import { Card, type CardProps, type CardView } from './Card';
import { placeFloating } from './place';

/** What a card is asked for: an entry's, or the best match of a text (a selection being looked up). */
export interface CardRequest {
  /** Null for a look-up of `query`. */
  entryId: string | null;
  query?: string;
  /** Opened from the keyboard: the focus goes into the card. */
  focus?: boolean;
  /** Its answer, if it was asked for already (when the dwell began). */
  answer?: Promise<CardData | null>;
}

/** Where a card's data and its links come from, and what its buttons do, in the context that shows it. */
export interface CardContext extends Omit<CardProps, 'view'> {
  card(entryId: string): Promise<CardData | null>;
  /** The card of the best match of a text, if any. */
  lookUpText(text: string): Promise<CardData | null>;
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

/** Asks for the answer to `request`: the entry's card, or the best match of its text. */
function askForCard(context: Pick<CardContext, 'card' | 'lookUpText'>, request: CardRequest) {
  return request.entryId ? context.card(request.entryId) : context.lookUpText(request.query ?? '');
}

/**
 * The answers asked for when a dwell began (HoverEffects.dwellStarted), by the term dwelt on: the
 * background's answer arrives during the dwell instead of after it. A later dwell on the same term
 * asks again, so no answer outlives the dwell it was asked for.
 */
export class EarlyAnswers<T extends CardRequest> {
  private readonly answers = new WeakMap<T, Promise<CardData | null>>();

  constructor(private readonly context: Pick<CardContext, 'card' | 'lookUpText'>) {}

  ask(term: T): void {
    // Caught here: an answer nobody takes (the pointer moved on) must not be an unhandled rejection.
    this.answers.set(
      term,
      askForCard(this.context, term).catch(() => null),
    );
  }

  /** `term` with its answer, if one was asked for. */
  with(term: T): T {
    const answer = this.answers.get(term);
    this.answers.delete(term);
    return answer ? { ...term, answer } : term;
  }
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
