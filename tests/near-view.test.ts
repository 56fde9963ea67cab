// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { NEAR_VIEW_MARGIN, NearViewHighlight } from '../lib/page/near-view';
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
});
