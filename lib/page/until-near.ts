/**
 * Work held back until its block comes near the viewport. The sieve reads a whole page, but text it
 * lets through costs far more than reading it: the exact scan, the rules and the marks took some
 * 50 µs a mention on the Vietnamese benchmark page, most of what Gloss spent there, for text the
 * reader may never scroll to. So the marker hands each run the sieve lets through to an UntilNear,
 * which holds it, by block, until an IntersectionObserver says the block is within READ_AHEAD_MARGIN
 * of the viewport, or until everything is asked for at once (the popup's summary of the page, a jump
 * to a term). Where there is no observer (an old engine, jsdom) nothing is held.
 */

/**
 * How far beyond the viewport text is read before it is seen, as the observer's rootMargin: a screen
 * above and below, so a scroll of a screen finds its marks made (a run takes well under a millisecond
 * to read, and the marks' own observer, at half a screen, then registers them as they come near).
 */
export const READ_AHEAD_MARGIN = '100% 0px';

type ObserverConstructor = new (
  callback: IntersectionObserverCallback,
  options?: IntersectionObserverInit,
) => IntersectionObserver;

export class UntilNear<T> {
  /** What is held, by block, in the order held. */
  private readonly held = new Map<Element, T[]>();
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
   * watching at its next rendering update, near or not). False when nothing can be held: do it now.
   */
  hold(block: Element, item: T): boolean {
    if (!this.observer) return false;
    const items = this.held.get(block);
    if (items) items.push(item);
    else {
      this.held.set(block, [item]);
      this.observer.observe(block);
    }
    return true;
  }

  /** Everything still held, in the order held; nothing is held after. */
  takeAll(): T[] {
    const all = [...this.held.values()].flat();
    this.clear();
    return all;
  }

  /** Lets go of what `isStale` says is gone (its text changed or left the page). */
  drop(isStale: (item: T) => boolean): void {
    for (const [block, items] of this.held) {
      const kept = items.filter((item) => !isStale(item));
      if (kept.length === items.length) continue;
      if (kept.length) this.held.set(block, kept);
      else {
        this.held.delete(block);
        this.observer?.unobserve(block);
      }
    }
  }

  clear(): void {
    this.held.clear();
    this.observer?.disconnect();
  }

  private update(entries: IntersectionObserverEntry[]): void {
    const released: T[] = [];
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const items = this.held.get(entry.target);
      if (!items) continue;
      this.held.delete(entry.target);
      this.observer?.unobserve(entry.target);
      released.push(...items);
    }
    if (released.length) this.release(released);
  }
}
