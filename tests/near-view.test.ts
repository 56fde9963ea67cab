// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { CHANGING_PAGE_MARGIN, NEAR_VIEW_MARGIN, NearViewHighlight, STILL_PAGE_MS } from '../lib/page/near-view';
import { FakeObserver, viewWithFakeObserver as view } from './fake-observer';

function blockWithRanges(count: number): { block: Element; ranges: Range[] } {
  const block = document.createElement('p');
  block.textContent = 'Xi Jinping in Hanoi';
  document.body.append(block);
  const ranges = Array.from({ length: count }, () => document.createRange());
  return { block, ranges };
}

describe('marks registered near the viewport', () => {
  it('registers a block’s marks while it is near the viewport, and only then', () => {
    const registered = new Set<Range>();
    const near = new NearViewHighlight(registered, view);
    const observer = FakeObserver.last;
    expect(observer.options?.rootMargin).toBe(NEAR_VIEW_MARGIN);
    const far = blockWithRanges(2);
    const close = blockWithRanges(1);
    for (const r of far.ranges) near.show(far.block, r);
    near.show(close.block, close.ranges[0]);
    // Shown, but not registered before the browser says where the blocks are.
    expect(registered.size).toBe(0);
    observer.cross(close.block, true);
    observer.cross(far.block, false);
    expect([...registered]).toEqual(close.ranges);
    // The page scrolls: the far block comes near, the close one leaves.
    observer.cross(far.block, true);
    observer.cross(close.block, false);
    expect([...registered]).toEqual(far.ranges);
    // A mark added to a block already near is registered at once.
    const [added] = blockWithRanges(1).ranges;
    near.show(far.block, added);
    expect(registered.has(added)).toBe(true);
  });

  it('stops watching a block once its last mark is hidden, and everything on clear', () => {
    const registered = new Set<Range>();
    const near = new NearViewHighlight(registered, view);
    const observer = FakeObserver.last;
    const { block, ranges } = blockWithRanges(2);
    for (const r of ranges) near.show(block, r);
    observer.cross(block, true);
    near.hide(block, ranges[0]);
    expect([...registered]).toEqual([ranges[1]]);
    expect(observer.observed.has(block)).toBe(true);
    near.hide(block, ranges[1]);
    expect(registered.size).toBe(0);
    expect(observer.observed.has(block)).toBe(false);
    // Shown again after it was hidden: registered only once the browser says it is near.
    near.show(block, ranges[0]);
    expect(registered.size).toBe(0);
    observer.cross(block, true);
    expect(registered.size).toBe(1);
    near.clear();
    expect(registered.size).toBe(0);
    expect(observer.observed.size).toBe(0);
  });

  it('registers every mark where the engine has no IntersectionObserver', () => {
    const registered = new Set<Range>();
    const near = new NearViewHighlight(registered, {});
    const { block, ranges } = blockWithRanges(3);
    for (const r of ranges) near.show(block, r);
    expect(registered.size).toBe(3);
    near.hide(block, ranges[1]);
    expect(registered.size).toBe(2);
  });

  it('while the page keeps changing, registers only the marks in the viewport; half a screen ahead again once it is still', () => {
    vi.useFakeTimers();
    try {
      const registered = new Set<Range>();
      const near = new NearViewHighlight(registered, view);
      const wide = FakeObserver.last;
      const ahead = blockWithRanges(1);
      const inView = blockWithRanges(1);
      near.show(ahead.block, ahead.ranges[0]);
      near.show(inView.block, inView.ranges[0]);
      wide.cross(ahead.block, true);
      wide.cross(inView.block, true);
      expect(registered.size).toBe(2);
      // The page changes: the blocks are watched with no margin, and the one only ahead of the viewport
      // is let go when the browser says so.
      near.pageChanged();
      const tight = FakeObserver.last;
      expect(tight.options?.rootMargin).toBe(CHANGING_PAGE_MARGIN);
      expect(wide.observed.size).toBe(0);
      expect([...tight.observed]).toEqual([ahead.block, inView.block]);
      tight.cross(ahead.block, false);
      tight.cross(inView.block, true);
      expect([...registered]).toEqual(inView.ranges);
      // It keeps changing: still the same observer; once still for STILL_PAGE_MS, the margin is back.
      vi.advanceTimersByTime(STILL_PAGE_MS - 1);
      near.pageChanged();
      expect(FakeObserver.last).toBe(tight);
      vi.advanceTimersByTime(STILL_PAGE_MS);
      const again = FakeObserver.last;
      expect(again.options?.rootMargin).toBe(NEAR_VIEW_MARGIN);
      expect(tight.observed.size).toBe(0);
      again.cross(ahead.block, true);
      expect(registered.size).toBe(2);
      // Cleared while the page changes (the reader picked another density): still watched without a
      // margin until the page is still, then with it.
      near.pageChanged();
      near.clear();
      expect(FakeObserver.last.options?.rootMargin).toBe(CHANGING_PAGE_MARGIN);
      vi.advanceTimersByTime(STILL_PAGE_MS);
      expect(FakeObserver.last.options?.rootMargin).toBe(NEAR_VIEW_MARGIN);
      near.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
