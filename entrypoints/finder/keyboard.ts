/**
 * Moving from marked term to term with the keyboard on a web page (Alt+Shift+. and Alt+Shift+,,
 * lib/keyboard.ts): the next term in reading order after where the reader is, scrolled into view,
 * ringed, and its card opened with the focus in it; Esc brings the focus and the reading position
 * back to the term. Glue: the order is lib/page/reading-order.ts, the card is the hover machine's
 * (opened by the caller), the ring a highlight like the marks.
 */
import { HIGHLIGHTS } from '../../lib/page/mark-colors';
import type { Mark } from '../../lib/page/marker';
import {
  compareTreePoints,
  startOf,
  termFromReader,
  type Direction,
  type TermPlace,
} from '../../lib/page/reading-order';
import { TonedHighlight } from '../../lib/page/toned-highlight';

interface TermKeysOptions {
  /** The marks the reader sees, in any order, once the whole page is read (the next may be far from the screen). */
  marks(): Promise<Mark[]>;
  /** Opens the card of `mark`, with the focus in it. */
  open(mark: Mark): void;
}

/** Elements that take the focus themselves: a term inside one gives the focus back to it. */
const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]';

/**
 * Whether this frame is the one the reader's keys are in: the top frame, or a frame with the focus,
 * unless the focus is further down, in a frame of its own.
 */
export function isKeyboardFrame(view: Window): boolean {
  const active = view.document.activeElement;
  if (active && (active.tagName === 'IFRAME' || active.tagName === 'FRAME')) return false;
  return view === view.top || view.document.hasFocus();
}

export class TermKeys {
  /** The term the keyboard is at. */
  private at: Mark | null = null;
  /** Where the page was scrolled when the term's card opened: Esc comes back to it. */
  private readingPosition: { left: number; top: number } | null = null;
  /** The highlight that rings the term the keyboard is at, made the first time the keyboard goes to one. */
  private ring: TonedHighlight | null = null;

  constructor(
    private readonly doc: Document,
    private readonly options: TermKeysOptions,
  ) {}

  /** Moves to the next (or previous) term and opens its card; false when the page has none to show. */
  async step(direction: Direction): Promise<boolean> {
    const marks = (await this.options.marks())
      .filter((m) => m.range.startContainer.isConnected)
      .sort((a, b) => compareTreePoints(startOf(a.range), startOf(b.range)));
    const target = termFromReader(marks, placeOf, this.at, this.doc, direction);
    if (!target) return false;
    this.at = target;
    scrollToRange(target.range);
    const view = this.doc.defaultView;
    this.readingPosition = view ? { left: view.scrollX, top: view.scrollY } : null;
    this.ring ??= new TonedHighlight(this.doc, HIGHLIGHTS.focus);
    this.ring.clear();
    this.ring.add(target.range);
    this.options.open(target);
    return true;
  }

  /**
   * The card of `range` closed from the keyboard (Esc, or its close button): the page goes back to
   * where it was read, the term is selected (the reading position a screen reader or caret
   * browsing continues from), and the focus goes to the term's link or control, if it is in one.
   */
  returnTo(range: Range): void {
    const view = this.doc.defaultView;
    if (this.readingPosition && this.at?.range === range)
      view?.scrollTo({ ...this.readingPosition, behavior: 'instant' });
    const focusable = range.startContainer.parentElement?.closest<HTMLElement>(FOCUSABLE);
    if (focusable) focusable.focus({ preventScroll: true });
    else (this.doc.activeElement as HTMLElement | null)?.blur?.();
    const selection = this.doc.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range.cloneRange());
  }

  /**
   * The reader went on by pointer (a click), or Gloss stops on the page: the next step starts from
   * where the reader is then, and the ring goes (its highlight with it).
   */
  forget(): void {
    this.at = null;
    this.readingPosition = null;
    this.ring?.unregister();
    this.ring = null;
  }
}

const placeOf = (mark: Mark): TermPlace => ({
  point: startOf(mark.range),
  box: () => mark.range.getBoundingClientRect(),
});

/** Brings a term into view: inside any scrolled box that holds it, then a third of the way down the window. */
function scrollToRange(range: Range): void {
  const view = range.startContainer.ownerDocument?.defaultView;
  range.startContainer.parentElement?.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'instant' });
  const box = range.getBoundingClientRect();
  if (view && (box.top < 0 || box.bottom > view.innerHeight))
    view.scrollBy({ top: box.top - view.innerHeight / 3, behavior: 'instant' });
}
