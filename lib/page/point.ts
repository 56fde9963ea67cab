/**
 * Maps a pointer position to a position in the page's text. Each browser difference sits here, with
 * the reason next to it (see also docs/browser-bugs.md).
 */

export interface TextPosition {
  node: Node;
  offset: number;
}

type CaretPositionDoc = Document & {
  caretPositionFromPoint?: (
    x: number,
    y: number,
    options?: { shadowRoots?: ShadowRoot[] },
  ) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/**
 * The text position under (x, y) in viewport coordinates, or null.
 * - `caretPositionFromPoint` is the standard (Firefox; Chrome 128+). Its `shadowRoots` option lets it
 *   return positions inside open shadow roots the caller names (Chrome 128+, Firefox 150+); older
 *   engines ignore the option and return the host, which then simply has no mark.
 * - `caretRangeFromPoint` is the WebKit/Blink fallback for engines without the standard method.
 */
export function textPositionFromPoint(
  doc: Document,
  x: number,
  y: number,
  shadowRoots: ShadowRoot[] = [],
): TextPosition | null {
  const d = doc as CaretPositionDoc;
  if (typeof d.caretPositionFromPoint === 'function') {
    const pos = shadowRoots.length ? d.caretPositionFromPoint(x, y, { shadowRoots }) : d.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const range = d.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

/** Slack around a line box, in px: pointers resting on the underline still count. */
const RECT_SLACK_PX = 2;

/**
 * Whether (x, y) lies on the text of `range`. Caret APIs snap to the nearest character even when the
 * pointer is in the margin past the end of a line, so a caret inside a mark is not enough: the point
 * must also be inside one of the range's line boxes.
 */
export function isPointOnRange(range: Range, x: number, y: number): boolean {
  for (const rect of Array.from(range.getClientRects())) {
    if (
      x >= rect.left - RECT_SLACK_PX &&
      x <= rect.right + RECT_SLACK_PX &&
      y >= rect.top - RECT_SLACK_PX &&
      y <= rect.bottom + RECT_SLACK_PX
    )
      return true;
  }
  return false;
}
