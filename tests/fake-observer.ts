/**
 * An IntersectionObserver a test drives: `cross(block, near)` is the browser reporting a block's
 * crossing of the observer's margin. Every instance made is kept, by the rootMargin it was made with.
 */
export class FakeObserver {
  static made: FakeObserver[] = [];
  static get last(): FakeObserver {
    return FakeObserver.made[FakeObserver.made.length - 1];
  }
  /** The instance last made with `rootMargin`. */
  static withMargin(rootMargin: string): FakeObserver {
    const found = FakeObserver.made.findLast((o) => o.options?.rootMargin === rootMargin);
    if (!found) throw new Error(`no observer with the margin ${rootMargin}`);
    return found;
  }
  readonly observed = new Set<Element>();
  constructor(
    private readonly callback: IntersectionObserverCallback,
    readonly options?: IntersectionObserverInit,
  ) {
    FakeObserver.made.push(this);
  }
  observe(el: Element) {
    this.observed.add(el);
  }
  unobserve(el: Element) {
    this.observed.delete(el);
  }
  disconnect() {
    this.observed.clear();
  }
  cross(target: Element, isIntersecting: boolean) {
    if (!this.observed.has(target)) return;
    this.callback([{ target, isIntersecting } as IntersectionObserverEntry], this as unknown as IntersectionObserver);
  }
}

/** A window whose IntersectionObserver is the fake. */
export const viewWithFakeObserver = { IntersectionObserver: FakeObserver as unknown as typeof IntersectionObserver };
