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
 * and below, so a mark is registered before a scroll of a few lines brings it into view.
 */
export const NEAR_VIEW_MARGIN = '50% 0px';
/**
 * The margin while the page keeps changing: none. Every range registered costs on every frame in
 * which the page changes, and nothing while it is still; on the live feed with every mention
 * underlined, half a screen more of ranges (77 against 50) was some 3 % of the main thread. A mark
 * scrolled into view on such a page is underlined a frame or two after it appears.
 */
export const CHANGING_PAGE_MARGIN = '0px';
/** How long a page must go without a change to have its marks registered half a screen ahead again. */
export const STILL_PAGE_MS = 2000;

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
  /** Blocks within the observer's margin of the viewport, as it last said. */
  private readonly near = new Set<Element>();
  private observer: IntersectionObserver | null;
  /** While the page changes: when it will count as still again (CHANGING_PAGE_MARGIN meanwhile). */
  private stillTimer: ReturnType<typeof setTimeout> | undefined;

  /** `view`: the window whose IntersectionObserver watches the blocks (none: every range registered). */
  constructor(
    private readonly highlight: RangeSet,
    private readonly view: { IntersectionObserver?: ObserverConstructor } | null,
  ) {
    this.observer = this.observerWith(NEAR_VIEW_MARGIN);
  }

  /**
   * The page changed (the marker read its changes): marks are registered only in the viewport until
   * it has been still for STILL_PAGE_MS.
   */
  pageChanged(): void {
    if (!this.observer) return;
    if (this.stillTimer === undefined) this.watchWith(CHANGING_PAGE_MARGIN);
    else clearTimeout(this.stillTimer);
    this.stillTimer = setTimeout(() => {
      this.stillTimer = undefined;
      this.watchWith(NEAR_VIEW_MARGIN);
    }, STILL_PAGE_MS);
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

  /** Shows nothing; marks shown later are watched as before (with the margin of a changing page while it is one). */
  clear(): void {
    this.highlight.clear();
    this.shown.clear();
    this.near.clear();
    this.observer?.disconnect();
  }

  /** Shows nothing and watches nothing, for good. */
  stop(): void {
    this.clear();
    clearTimeout(this.stillTimer);
    this.stillTimer = undefined;
  }

  private observerWith(rootMargin: string): IntersectionObserver | null {
    const Observer = this.view?.IntersectionObserver;
    return Observer ? new Observer((entries) => this.update(entries), { rootMargin }) : null;
  }

  /** Watches the blocks with another margin: the new observer tells of each block at its next rendering update. */
  private watchWith(rootMargin: string): void {
    this.observer?.disconnect();
    this.observer = this.observerWith(rootMargin);
    for (const block of this.shown.keys()) this.observer?.observe(block);
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
