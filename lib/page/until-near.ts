/**
 * Work held back until its block comes near the viewport. The sieve reads what the walk reads (the
 * first screens, and all that lies above the screen), but text it lets through costs far more than
 * reading it: the exact scan, the rules and the marks took some 50 µs a mention on the Vietnamese
 * benchmark page, most of what Gloss spent there, for text the reader may never scroll to. So the
 * marker hands each run the sieve lets through to an UntilNear, which holds it, by block, until an
 * IntersectionObserver says the block is within READ_AHEAD_MARGIN of the viewport, or until
 * everything is asked for at once (the popup's summary of the page, a jump to a term). UnreadBelow
 * holds the text left unread far below in one too. A block once watched stays watched while it is on
 * the page, so that its text, read again after a change, is not held when the block is known to be
 * near. Where there is no observer (an old engine, jsdom) nothing is held.
 *
 * The observer's margin reaches beyond the viewport only in the top frame and same-origin frames
 * (the spec ignores rootMargin for a cross-origin frame's targets), and a scrolled box clips what it
 * holds: there text is read as it comes into view.
 */
import type { ObserverConstructor } from './near-view';

/**
 * How far beyond the viewport text is read before it is seen, in screens and as the observer's
 * rootMargin: a screen above and below, so a scroll of a screen finds its marks made (a run takes
 * well under a millisecond to read, and the marks' own observer, at half a screen, then registers
 * them as they come near).
 */
export const READ_AHEAD_SCREENS = 1;
export const READ_AHEAD_MARGIN = `${READ_AHEAD_SCREENS * 100}% 0px`;

export class UntilNear<T> {
  /** What is held, by block, in the order held. */
  private readonly held = new Map<Element, T[]>();
  /** Blocks the observer watches: every block something was held for, while it is on the page. */
  private readonly watched = new Set<Element>();
  /** Watched blocks within READ_AHEAD_MARGIN of the viewport, as the observer last said. */
  private readonly near = new Set<Element>();
  private readonly observer: IntersectionObserver | null;

  /**
   * `view`: the window whose IntersectionObserver watches the blocks (none: nothing is held).
   * `release`: called with what was held for blocks that came near, in the order held.
   */
  constructor(
    view: { IntersectionObserver?: ObserverConstructor } | null,
    private readonly release: (items: T[]) => void,
  ) {
    const Observer = view?.IntersectionObserver;
    this.observer = Observer
      ? new Observer((entries) => this.update(entries), { rootMargin: READ_AHEAD_MARGIN })
      : null;
  }

  /**
   * Holds `item` until `block` comes near the viewport (the observer tells of a block it starts
   * watching at its next rendering update, near or not). False when it need not be held: there is no
   * observer, or the block is known to be near. Do it now, then.
   */
  hold(block: Element, item: T): boolean {
    if (!this.observer || this.near.has(block)) return false;
    const items = this.held.get(block);
    if (items) items.push(item);
    else this.held.set(block, [item]);
    if (!this.watched.has(block)) {
      this.watched.add(block);
      this.observer.observe(block);
    }
    return true;
  }

  /** Everything still held, in the order held; nothing is held after. */
  takeAll(): T[] {
    const all = [...this.held.values()].flat();
    this.held.clear();
    return all;
  }

  /** Whether something is held for `block`. */
  isHolding(block: Element): boolean {
    return this.held.has(block);
  }

  /** Whether anything held satisfies `test`. */
  some(test: (item: T) => boolean): boolean {
    for (const items of this.held.values()) if (items.some(test)) return true;
    return false;
  }

  /** Releases what is held for the blocks `isNear` picks, as if the observer had said they came near. */
  releaseWhere(isNear: (block: Element) => boolean): void {
    const released: T[] = [];
    for (const block of [...this.held.keys()]) if (isNear(block)) this.takeHeld(block, released);
    if (released.length) this.release(released);
  }

  /** Moves what is held for `block`, if anything, to the end of `released`. */
  private takeHeld(block: Element, released: T[]): void {
    const items = this.held.get(block);
    if (!items) return;
    this.held.delete(block);
    released.push(...items);
  }

  /**
   * Lets go of what `isStale` says is gone (its text changed or left the page), and stops watching
   * the blocks that left the page.
   */
  drop(isStale: (item: T) => boolean): void {
    for (const [block, items] of this.held) {
      const kept = items.filter((item) => !isStale(item));
      if (kept.length === items.length) continue;
      if (kept.length) this.held.set(block, kept);
      else this.held.delete(block);
    }
    for (const block of this.watched) {
      if (block.isConnected) continue;
      this.watched.delete(block);
      this.near.delete(block);
      this.held.delete(block);
      this.observer?.unobserve(block);
    }
  }

  clear(): void {
    this.held.clear();
    this.watched.clear();
    this.near.clear();
    this.observer?.disconnect();
  }

  private update(entries: IntersectionObserverEntry[]): void {
    const released: T[] = [];
    for (const entry of entries) {
      if (!entry.isIntersecting) {
        this.near.delete(entry.target);
        continue;
      }
      this.near.add(entry.target);
      this.takeHeld(entry.target, released);
    }
    if (released.length) this.release(released);
  }
}
