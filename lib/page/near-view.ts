/**
 * The marks of a highlight that are registered with the browser: only those whose block is near the
 * viewport. A browser's cost for a highlight grows with its number of ranges on every frame in which
 * the page changes (Chromium rebuilds the markers of every range of every highlight whenever the DOM
 * changes; docs/browser-bugs.md), so a live page with a thousand marks spent about a third of its
 * main thread on them. An IntersectionObserver on the blocks that hold marks keeps the registered
 * ranges to those within half a screen of the viewport, wherever the page scrolls; where there is
 * none (an old engine, jsdom) every mark is registered.
 */

/**
 * How far beyond the viewport marks are registered, as the observer's rootMargin: half a screen above
 * and below, so a mark is registered before a scroll of a few lines brings it into view. (Every range
 * registered costs on a live page: with every mention underlined, the live feed measured 20 % of the
 * main thread with no margin, 25–30 % with a whole screen.)
 */
export const NEAR_VIEW_MARGIN = '50% 0px';

/** The part of a Highlight used here (the Custom Highlight API's set of ranges). */
export interface RangeSet {
  add(range: Range): unknown;
  delete(range: Range): unknown;
  clear(): void;
}

/** A window's IntersectionObserver constructor, where it has one (jsdom and old engines have none). */
export type ObserverConstructor = new (
  callback: IntersectionObserverCallback,
  options?: IntersectionObserverInit,
) => IntersectionObserver;

export class NearViewHighlight {
  /** Ranges shown, by the block that holds them. */
  private readonly shown = new Map<Element, Set<Range>>();
  /** Blocks within NEAR_VIEW_MARGIN of the viewport, as the observer last said. */
  private readonly near = new Set<Element>();
  private readonly observer: IntersectionObserver | null;

  /** `view`: the window whose IntersectionObserver watches the blocks (none: every range registered). */
  constructor(
    private readonly highlight: RangeSet,
    view: { IntersectionObserver?: ObserverConstructor } | null,
  ) {
    const Observer = view?.IntersectionObserver;
    this.observer = Observer ? new Observer((entries) => this.update(entries), { rootMargin: NEAR_VIEW_MARGIN }) : null;
  }

  /** Shows `range`, in `block`: registered now if the block is near the viewport, else once it comes near. */
  show(block: Element, range: Range): void {
    let ranges = this.shown.get(block);
    if (!ranges) {
      this.shown.set(block, (ranges = new Set()));
      this.observer?.observe(block);
    }
    ranges.add(range);
    if (!this.observer || this.near.has(block)) this.highlight.add(range);
  }

  hide(block: Element, range: Range): void {
    const ranges = this.shown.get(block);
    if (!ranges?.delete(range)) return;
    this.highlight.delete(range);
    if (ranges.size) return;
    this.shown.delete(block);
    this.near.delete(block);
    this.observer?.unobserve(block);
  }

  clear(): void {
    this.highlight.clear();
    this.shown.clear();
    this.near.clear();
    this.observer?.disconnect();
  }

  private update(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const ranges = this.shown.get(entry.target);
      if (!ranges) continue;
      if (entry.isIntersecting) this.near.add(entry.target);
      else this.near.delete(entry.target);
      for (const range of ranges) {
        if (entry.isIntersecting) this.highlight.add(range);
        else this.highlight.delete(range);
      }
    }
  }
}
