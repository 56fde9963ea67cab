/**
 * Places a floating box next to a reference (a term's Range, or an element) with @floating-ui/dom:
 * below and left-aligned, flipped above near the bottom of the viewport, shifted inside it, and, for a
 * term that wraps across lines, next to the line the pointer is on. Kept in place on scroll and
 * resize until the returned function is called.
 */
import { autoUpdate, computePosition, flip, inline, offset, shift } from '@floating-ui/dom';

/** Gap between the term and the card, px. */
const CARD_OFFSET_PX = 6;
/** Closest the card may come to the viewport's edge, px. */
const VIEWPORT_PADDING_PX = 8;

export function placeFloating(anchor: Range | Element, box: HTMLElement): () => void {
  // A Range is a fine virtual reference: it has getBoundingClientRect and, for inline(), getClientRects.
  const reference =
    anchor instanceof Element
      ? anchor
      : {
          getBoundingClientRect: () => anchor.getBoundingClientRect(),
          getClientRects: () => anchor.getClientRects(),
          contextElement: anchor.startContainer.parentElement ?? undefined,
        };
  const update = () =>
    computePosition(reference, box, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        inline(),
        offset(CARD_OFFSET_PX),
        flip({ padding: VIEWPORT_PADDING_PX }),
        shift({ padding: VIEWPORT_PADDING_PX }),
      ],
    }).then(({ x, y }) => {
      box.style.left = `${x}px`;
      box.style.top = `${y}px`;
    });
  return autoUpdate(reference, box, update);
}
