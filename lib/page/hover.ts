/**
 * Hover intent as a small state machine, after Wikipedia's page previews. Each dwell on a term gets a
 * token; a look-up answers with its token, and an answer whose token is no longer current (the pointer
 * has moved on) is dropped. Timers are injected so the machine is tested without waiting.
 */

/** Rest this long on a term before its card opens: long enough that sweeping across a page opens nothing. */
export const DWELL_MS = 150;
/** After the pointer leaves a term or the card, keep the card this long, so a move toward it can arrive. */
export const GRACE_MS = 300;

export type HoverState<T> =
  | { kind: 'idle' }
  /** Resting on `term`; `open` is the card still shown for the previous term, if any. */
  | { kind: 'dwelling'; term: T; token: number; open?: { term: T; token: number } }
  | { kind: 'showing'; term: T; token: number; inCard: boolean }
  | { kind: 'leaving'; term: T; token: number };

export interface HoverEffects<T> {
  /** Open (or switch) the card for `term`; the answer must come back through `answer(token, …)`. */
  show(term: T, token: number): void;
  hide(): void;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export class HoverMachine<T> {
  state: HoverState<T> = { kind: 'idle' };
  private nextToken = 1;
  private timer: unknown = null;
  /** When false, terms do not open cards (text is being selected, or Gloss is off on this site). */
  enabled = true;

  constructor(
    private readonly effects: HoverEffects<T>,
    private readonly sameTerm: (a: T, b: T) => boolean = (a, b) => a === b,
    public dwellMs = DWELL_MS,
    public graceMs = GRACE_MS,
  ) {}

  /** The pointer is over `term` (called on every pointer move over a mark). */
  enterTerm(term: T): void {
    if (!this.enabled) return;
    const s = this.state;
    if ((s.kind === 'showing' || s.kind === 'leaving') && this.sameTerm(s.term, term)) {
      this.cancelTimer();
      this.state = { kind: 'showing', term: s.term, token: s.token, inCard: false };
      return;
    }
    if (s.kind === 'dwelling' && this.sameTerm(s.term, term)) return;
    const token = this.nextToken++;
    this.cancelTimer();
    // While a card is open for another term, the new term must still be dwelt on; the card stays until then.
    const open = s.kind === 'showing' || s.kind === 'leaving' ? { term: s.term, token: s.token } : s.kind === 'dwelling' ? s.open : undefined;
    this.state = { kind: 'dwelling', term, token, ...(open ? { open } : {}) };
    this.timer = this.effects.setTimer(() => this.dwellDone(token), this.dwellMs);
  }

  /** The pointer is over no term. */
  leaveTerm(): void {
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

  /** Esc, a click elsewhere, the start of a selection, scrolling the term away. */
  close(): void {
    this.cancelTimer();
    const s = this.state;
    if (s.kind === 'showing' || s.kind === 'leaving' || (s.kind === 'dwelling' && s.open)) this.effects.hide();
    this.state = { kind: 'idle' };
  }

  /** Whether an answer for `token` should still be shown. */
  isCurrent(token: number): boolean {
    const s = this.state;
    return (s.kind === 'showing' || s.kind === 'leaving') && s.token === token;
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
