/**
 * Reading order, for moving from term to term with the keyboard: the terms of a page (Ranges over
 * its text, or elements on Gloss's own pages) in the order a reader meets them, which is the order of
 * the composed tree (a term in an open shadow root reads where its host stands), and the next or
 * previous one from where the reader is.
 */

export type Direction = 'next' | 'previous';

/**
 * Where an item stands against the reader's position: before it (< 0), at it (0) or after it (> 0).
 * Items sorted in reading order give a side that never decreases along the list.
 */
export type SideOf<T> = (item: T) => number;

/**
 * The item after (or before) the reader's position in `sorted`, which is in reading order; past the
 * last it wraps round to the first (before the first, to the last), as a find bar does. The item the
 * reader is at is never the answer unless it is the only one. No position: the first (or last) item.
 */
export function stepInReadingOrder<T>(sorted: readonly T[], side: SideOf<T> | null, direction: Direction): T | null {
  if (sorted.length === 0) return null;
  if (!side) return direction === 'next' ? sorted[0] : sorted[sorted.length - 1];
  if (direction === 'next') {
    const after = firstIndexWhere(sorted, (item) => side(item) > 0);
    return sorted[after < sorted.length ? after : 0];
  }
  const atOrAfter = firstIndexWhere(sorted, (item) => side(item) >= 0);
  return sorted[atOrAfter > 0 ? atOrAfter - 1 : sorted.length - 1];
}

/** The first index where `holds` is true, in a list where it is false and then true (binary search). */
function firstIndexWhere<T>(sorted: readonly T[], holds: (item: T) => boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (holds(sorted[middle])) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** A point of the composed tree: a node and an offset in it. */
export interface TreePoint {
  node: Node;
  offset: number;
}

/**
 * The points of `point` on the way up to the document: the point itself, then, for each shadow
 * root it is in, the start of that root's host (its shadow content reads where the host begins).
 */
function pointsUpToDocument(point: TreePoint): { point: TreePoint; root: Node }[] {
  const chain = [];
  let current: TreePoint | null = point;
  while (current) {
    const root: Node = current.node.getRootNode();
    chain.push({ point: current, root });
    const host: Element | null = (root as ShadowRoot).host ?? null;
    current = host ? { node: host, offset: 0 } : null;
  }
  return chain;
}

/**
 * Compares two points in reading order (< 0: `a` comes first), across open shadow roots: each is
 * taken up to the innermost tree the two share, where a point inside a host's shadow root counts as
 * just after the host's start. 0 for the same point, and for points that cannot be compared (one
 * left the document).
 */
export function compareTreePoints(a: TreePoint, b: TreePoint): number {
  const upA = pointsUpToDocument(a);
  const upB = pointsUpToDocument(b);
  for (const stepA of upA) {
    const stepB = upB.find((s) => s.root === stepA.root);
    if (!stepB) continue;
    const doc = stepA.point.node.ownerDocument ?? (stepA.point.node as Document);
    const range = doc.createRange();
    try {
      range.setStart(stepA.point.node, stepA.point.offset);
      // A range whose end is before its start collapses to the end: the end moved, so b is first.
      range.setEnd(stepB.point.node, stepB.point.offset);
      if (range.startContainer !== stepA.point.node || range.startOffset !== stepA.point.offset) return 1;
      if (range.collapsed) {
        // Equal points, unless one of them was a host's stand-in for a point inside its shadow root.
        const depthA = upA.indexOf(stepA);
        const depthB = upB.indexOf(stepB);
        return depthA === depthB ? 0 : depthA > depthB ? 1 : -1;
      }
      return -1;
    } catch {
      return 0;
    }
  }
  return 0;
}

/** The start of a range, as a tree point. */
export const startOf = (range: AbstractRange): TreePoint => ({ node: range.startContainer, offset: range.startOffset });

/** Where a term stands: where it starts in the tree, and its box on screen. */
export interface TermPlace {
  point: TreePoint;
  box(): DOMRect;
}

/**
 * The term to go to from where the reader is, among `terms` in reading order: after (or before) the
 * term the keyboard is `at`, or the selection or caret, while that is on screen; else the first term
 * on screen going forward (the last going back). Terms that show nowhere (hidden text) are passed
 * over. Null when no term shows.
 */
export function termFromReader<T>(
  terms: readonly T[],
  placeOf: (term: T) => TermPlace,
  at: T | null,
  doc: Document,
  direction: Direction,
): T | null {
  const view = doc.defaultView;
  if (!view) return null;
  const onScreen = (box: DOMRect) => box.bottom > 0 && box.top < view.innerHeight && (box.width > 0 || box.height > 0);
  const sideOf =
    (point: TreePoint): SideOf<T> =>
    (term) =>
      compareTreePoints(placeOf(term).point, point);
  const selection = doc.getSelection();
  const selected = selection?.rangeCount ? selection.getRangeAt(0) : null;
  let side: SideOf<T>;
  if (at && placeOf(at).point.node.isConnected && onScreen(placeOf(at).box())) side = sideOf(placeOf(at).point);
  else if (selected && onScreen(selected.getBoundingClientRect())) side = sideOf(startOf(selected));
  else if (direction === 'next') side = (term) => (placeOf(term).box().top < 0 ? -1 : 1);
  else side = (term) => (placeOf(term).box().bottom <= view.innerHeight ? -1 : 1);
  const shows = (term: T) => {
    const box = placeOf(term).box();
    return box.width > 0 && box.height > 0;
  };
  let target = stepInReadingOrder(terms, side, direction);
  for (let passed = 0; target !== null && !shows(target) && passed < terms.length; passed++) {
    target = stepInReadingOrder(terms, sideOf(placeOf(target).point), direction);
  }
  return target !== null && shows(target) ? target : null;
}
