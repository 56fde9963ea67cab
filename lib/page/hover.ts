/**
 * Hover intent as a small state machine, after Wikipedia's page previews and the hoverIntent
 * pattern. A card opens when the pointer has been slow on a term for the whole dwell: a pointer at
 * rest opens it after the dwell, one that sweeps across the term on its way elsewhere, however
 * slowly it takes, opens nothing. Each dwell on a term gets a token; a look-up answers with its
 * token, and an answer whose token is no longer current (the pointer has moved on) is dropped.
 * Timers are injected so the machine is tested without waiting.
 */
import { DWELL_MS } from '../timing';

/** After the pointer leaves a term or the card, keep the card this long, so a move toward it can arrive. */
export const GRACE_MS = 300;
/**
 * A pointer slower than this, in CSS pixels per millisecond (100 px a second), has slowed on what
 * it is over; faster, it is passing by, and the dwell starts again. hoverIntent's default is 7 px
 * per 100 ms.
 */
export const SLOWED_PX_PER_MS = 0.1;
/** The pointer's speed is measured over at least this long, so a twitch of a pixel or two is no movement. */
export const SPEED_WINDOW_MS = 40;

/** Where the pointer was, and when (an event's timeStamp, in ms). */
export interface PointerSample {
  x: number;
  y: number;
  time: number;
}

export type HoverState<T> =
  | { kind: 'idle' }
  /** Resting on `term`; `open` is the card still shown for the previous term, if any. */
  | { kind: 'dwelling'; term: T; token: number; open?: { term: T; token: number } }
  | { kind: 'showing'; term: T; token: number; inCard: boolean }
  | { kind: 'leaving'; term: T; token: number };

export interface HoverEffects<T> {
  /** Open (or switch) the card for `term`; `isCurrent(token)` says whether its answer is still wanted when it comes. */
  show(term: T, token: number): void;
  /**
   * A dwell began on `term`: what its card needs may be asked for now, so that the card is ready when
   * the dwell ends. The same `term` comes to `show` if it does.
   */
  dwellStarted?(term: T): void;
  hide(): void;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export class HoverMachine<T> {
  state: HoverState<T> = { kind: 'idle' };
  private nextToken = 1;
  private timer: unknown = null;
  /** Where the pointer's speed is measured from. */
  private reference: PointerSample | null = null;
  /** A button is down on the page: text may be being selected. */
  private pressed = false;

  constructor(
    private readonly effects: HoverEffects<T>,
    private readonly sameTerm: (a: T, b: T) => boolean = (a, b) => a === b,
    public dwellMs = DWELL_MS,
    public graceMs = GRACE_MS,
  ) {}

  /**
   * The pointer is over `term` (called on every pointer move over a mark), at `at` if known. Moving
   * faster than SLOWED_PX_PER_MS, it starts the dwell again.
   */
  enterTerm(term: T, at?: PointerSample): void {
    const fast = this.movedFast(at);
    if (this.pressed) return;
    const s = this.state;
    if ((s.kind === 'showing' || s.kind === 'leaving') && this.sameTerm(s.term, term)) {
      this.cancelTimer();
      this.state = { kind: 'showing', term: s.term, token: s.token, inCard: false };
      return;
    }
    if (s.kind === 'dwelling' && this.sameTerm(s.term, term)) {
      if (fast) this.startDwell(s.token);
      return;
    }
    const token = this.nextToken++;
    // While a card is open for another term, the new term must still be dwelt on; the card stays until then.
    const open =
      s.kind === 'showing' || s.kind === 'leaving'
        ? { term: s.term, token: s.token }
        : s.kind === 'dwelling'
          ? s.open
          : undefined;
    this.state = { kind: 'dwelling', term, token, ...(open ? { open } : {}) };
    this.startDwell(token);
    this.effects.dwellStarted?.(term);
  }

  /** The pointer is over no term (at `at`, if known). */
  leaveTerm(at?: PointerSample): void {
    this.movedFast(at);
    const s = this.state;
    if (s.kind === 'dwelling') {
      this.cancelTimer();
      if (s.open) this.startLeaving(s.open.term, s.open.token);
      else this.state = { kind: 'idle' };
    } else if (s.kind === 'showing' && !s.inCard) {
      this.startLeaving(s.term, s.token);
    }
  }

  enterCard(): void {
    const s = this.state;
    if (s.kind === 'dwelling' && s.open) {
      // Crossed another term on the way to the card: the card wins.
      this.cancelTimer();
      this.state = { kind: 'showing', term: s.open.term, token: s.open.token, inCard: true };
    } else if (s.kind === 'showing' || s.kind === 'leaving') {
      this.cancelTimer();
      this.state = { kind: 'showing', term: s.term, token: s.token, inCard: true };
    }
  }

  leaveCard(): void {
    const s = this.state;
    if (s.kind === 'showing') this.startLeaving(s.term, s.token);
  }

  /** Open a card now, with no dwell (keyboard shortcut, context menu, a related-entry link). */
  showNow(term: T): number {
    this.cancelTimer();
    const token = this.nextToken++;
    this.state = { kind: 'showing', term, token, inCard: true };
    this.effects.show(term, token);
    return token;
  }

  /** Whether text may be being selected: no term opens a card until the button is released. */
  get selecting(): boolean {
    return this.pressed;
  }

  /** A button went down on the page (not in the card): a selection may start, so the card closes and none opens. */
  startSelecting(): void {
    this.pressed = true;
    this.close();
  }

  /** The button was released: terms open cards again. */
  endSelecting(): void {
    this.pressed = false;
  }

  /** Esc, a click elsewhere, scrolling the term away. */
  close(): void {
    this.cancelTimer();
    const s = this.state;
    if (s.kind === 'showing' || s.kind === 'leaving' || (s.kind === 'dwelling' && s.open)) this.effects.hide();
    this.state = { kind: 'idle' };
  }

  /** The term whose card is open (shown, or kept while the pointer goes to it), if any. */
  get openTerm(): T | null {
    const s = this.state;
    return s.kind === 'showing' || s.kind === 'leaving' ? s.term : null;
  }

  /** Whether an answer for `token` should still be shown. */
  isCurrent(token: number): boolean {
    const s = this.state;
    return (s.kind === 'showing' || s.kind === 'leaving') && s.token === token;
  }

  /** (Re)starts the dwell of `token`: its card opens after dwellMs, unless the pointer hurries on. */
  private startDwell(token: number): void {
    this.cancelTimer();
    this.timer = this.effects.setTimer(() => this.dwellDone(token), this.dwellMs);
  }

  /**
   * Whether the pointer, now at `at`, went faster than SLOWED_PX_PER_MS since the reference point,
   * over SPEED_WINDOW_MS at least. The reference moves on once that window has passed, or at once
   * when the pointer went fast. No sample: the pointer did not move.
   */
  private movedFast(at: PointerSample | undefined): boolean {
    if (!at) return false;
    const from = this.reference;
    if (!from) {
      this.reference = at;
      return false;
    }
    const elapsed = at.time - from.time;
    const fast = Math.hypot(at.x - from.x, at.y - from.y) > SLOWED_PX_PER_MS * Math.max(elapsed, SPEED_WINDOW_MS);
    if (fast || elapsed >= SPEED_WINDOW_MS) this.reference = at;
    return fast;
  }

  private dwellDone(token: number): void {
    const s = this.state;
    if (s.kind !== 'dwelling' || s.token !== token) return;
    this.timer = null;
    this.state = { kind: 'showing', term: s.term, token, inCard: false };
    this.effects.show(s.term, token);
  }

  private startLeaving(term: T, token: number): void {
    this.cancelTimer();
    this.state = { kind: 'leaving', term, token };
    this.timer = this.effects.setTimer(() => {
      if (this.state.kind === 'leaving' && this.state.token === token) {
        this.state = { kind: 'idle' };
        this.effects.hide();
      }
    }, this.graceMs);
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.effects.clearTimer(this.timer);
    this.timer = null;
  }
}

/**
 * A pointer that came to rest on a word before Gloss had marked it (the page jumped to a part not
 * read yet, or is read again after the reader's entries changed) is looked under again once the
 * marks settle, and counts as arriving on the term then. The time a part near the screen takes to be
 * marked is well under a second even on a busy machine; a pointer moved longer ago than this is
 * parked, not pointing, and a term that appears under it later opens nothing.
 */
export const LOOK_AGAIN_WITHIN_MS = 2000;

/**
 * What a look under the pointer found. The caller drops it when what is under the pointer stops
 * being what the reader pointed at: a scroll of the page or of any box in it, Esc, a press, the
 * pointer leaving the window, the tab hidden.
 */
export interface PointerLook<M> {
  /** When the pointer last moved: an event's timeStamp, which shares performance.now()'s origin. */
  movedAt: number;
  /** The mark under the pointer, if there was one. */
  found: M | null;
}

/**
 * Whether the pointer, not moved since `look`, is worth looking under again at `time` now that the
 * marks settled: it moved within LOOK_AGAIN_WITHIN_MS, and what it was on then is not a mark still
 * there (a mark the reader saw, whose card opened or did not, is not news).
 */
export function worthLookingAgain<M>(look: PointerLook<M>, time: number, stillMarked: (mark: M) => boolean): boolean {
  const since = time - look.movedAt;
  return since >= 0 && since <= LOOK_AGAIN_WITHIN_MS && !(look.found && stillMarked(look.found));
}
