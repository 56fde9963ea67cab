/**
 * Text far below the screen, left unread until the reader nears it. A long page's first screens are
 * what a reader sees; reading the rest at once (the walk, the sieve) was most of what Gloss cost a
 * long article. So the page's walk looks, now and then (TEXT_BEFORE_FIRST_LOOK), at where the block it
 * is about to enter lies: once one lies more than READ_AHEAD_SCREENS below the screen, with the last
 * of its siblings below it too, it and the siblings after it are left unread, and the walk goes on
 * after their parent (an aside beside the article, later in the page's order, is still read). What
 * is left is read when its first block comes within the read-ahead (an IntersectionObserver), when a
 * scroll ends or the window is resized with it no longer below (a jump past it: the observer tells
 * only of crossings), or when the whole page is asked for (the popup's summary, the step keys), after
 * which nothing is left for later. A rest is read as the walk that left it read (the marker's pass);
 * one whose first block moved, or the node before it, is no longer what was left: its parent is read
 * again from its start.
 *
 * Where blocks do not follow one another down the page (a column laid out in reverse, say) the look
 * at the last sibling finds it: nothing is left unread there. Where there is no observer (jsdom),
 * nothing is.
 */
import { type ObserverConstructor } from './near-view';
import { READ_AHEAD_SCREENS, UntilNear } from './until-near';

/** The children of `parent` from `first` on, left unread while they lay below the read-ahead. */
export interface UnreadRest<Pass> {
  parent: Node;
  first: Element;
  /** The node before `first` when it was left: the rest is what it was while these still follow each other. */
  before: Node | null;
  /** Why the walk that left it was reading (the marker's pass): the rest is read the same way. */
  pass: Pass;
}

/**
 * Text read before the first look at where the walk has got to: the first screens of a page hold a
 * few thousand characters. Each look then tells how much text to read before the next one
 * (textBeforeNextLook), and no look comes sooner than this after the one before.
 */
export const TEXT_BEFORE_FIRST_LOOK = 1000;

/** Where a walk was at a look: the text it had read, and the top of the block it was entering, from the page's top. */
export interface Look {
  textRead: number;
  y: number;
}

/**
 * How much text to read after a look (`now`) before looking again, `edge` being the read-ahead's
 * lower edge (from the page's top). The text between the last look (or the page's top) and this one,
 * over the height it took, says how much text the rest of the way to the edge holds: the next look
 * comes where the walk should have reached it. A look lays the page out if it must, and each look
 * that misses the edge says more precisely where it is, so that an over-read past it is a step of
 * TEXT_BEFORE_FIRST_LOOK at most, where doubling the text between looks read up to as much again as
 * the first screens held. Yet no look comes later than after as much text again as was read (nor
 * sooner, once the walk is past the edge without leaving anything there): a walk
 * through text the reader jumped past (the End key, read from the top) looks a few dozen times, not
 * once a screen. A walk that began lower than the page's top (a rest, a rescan) takes its text to be
 * thinner than it is at its first look, and looks again sooner.
 */
export function textBeforeNextLook(last: Look | null, now: Look, edge: number): number {
  const since = last ?? { textRead: 0, y: 0 };
  const textPerPixel = (now.textRead - since.textRead) / Math.max(1, now.y - since.y);
  // Past the edge already, with nothing left (the siblings do not run down the page): geometry says no more.
  const expected = now.y < edge ? (edge - now.y) * textPerPixel : now.textRead;
  return Math.max(TEXT_BEFORE_FIRST_LOOK, Math.min(expected, now.textRead));
}

/** Siblings at the end of a parent passed over for one that has a box, in the look at the last sibling. */
const BOXLESS_SIBLINGS_PASSED = 4;

type View = Window & { IntersectionObserver?: ObserverConstructor };

export class UnreadBelow<Pass> {
  private readonly waiting: UntilNear<UnreadRest<Pass>>;
  /** Once the whole page has been asked for, nothing more is left for later. */
  private readingAll = false;
  private readonly listening = new AbortController();

  /** `resume`: called with the rests the reader came near, to be read now. */
  constructor(
    private readonly view: View | null,
    resume: (rests: UnreadRest<Pass>[]) => void,
  ) {
    this.waiting = new UntilNear(view, resume);
    // A jump (a link, the End key, the scroll bar) can pass a rest's first block without its crossing
    // the observer's margin: after any scroll, and any resize, look again at those still waiting.
    const lookAgain = () => this.waiting.releaseWhere((first) => !this.isBelow(first));
    const options = { capture: true, passive: true, signal: this.listening.signal };
    view?.document.addEventListener('scrollend', lookAgain, options);
    view?.addEventListener('resize', lookAgain, options);
  }

  /** For one walk, reading for `pass` (textRuns' leaveRest): whether to leave `el` and the siblings after it. */
  leaveRest(pass: Pass): (el: Element, textRead: number) => boolean {
    let nextLook = TEXT_BEFORE_FIRST_LOOK;
    let last: Look | null = null;
    // After leaving a rest the walk climbs to the parent's next sibling, which is looked at at once.
    let lookNext = false;
    return (el, textRead) => {
      if (this.readingAll || !this.view) return false;
      // Left already (a block the page added while this walk was on its way to it): read with its rest.
      if (this.waiting.isHolding(el)) return true;
      if (!lookNext && textRead < nextLook) return false;
      const top = el.getBoundingClientRect().top;
      lookNext = this.leave(el, pass, top);
      if (!lookNext) {
        const scrolled = this.view.scrollY;
        const now = { textRead, y: top + scrolled };
        nextLook = textRead + textBeforeNextLook(last, now, this.edge() + scrolled);
        last = now;
      }
      return lookNext;
    };
  }

  /**
   * Leaves `el` and the siblings after it for later, if it lies below the read-ahead, and so do they
   * (textRuns' leavable: its parent is not inline). The marker also leaves blocks a page adds at the
   * end of their parent there: a feed growing downwards is read as the reader scrolls down it.
   */
  leave(el: Element, pass: Pass, top?: number): boolean {
    const parent = el.parentNode;
    return (
      !this.readingAll &&
      !!parent &&
      this.isBelow(el, top) &&
      this.lastIsBelow(parent) &&
      this.waiting.hold(el, { parent, first: el, before: el.previousSibling, pass })
    );
  }

  /** Everything left unread, in the order left; from now on nothing is left for later. */
  takeAll(): UnreadRest<Pass>[] {
    this.readingAll = true;
    return this.waiting.takeAll();
  }

  /** Whether `node` is in a rest left unread, or in a shadow root of an element in one (it will be read with it). */
  holds(node: Node): boolean {
    for (let n: Node | null = node; n; n = hostOf(n)) {
      const inside = n;
      const inRest = ({ parent, first }: UnreadRest<Pass>) =>
        parent.contains(inside) &&
        (first === inside || (first.compareDocumentPosition(inside) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0);
      if (this.waiting.some(inRest)) return true;
    }
    return false;
  }

  /** Forgets the rests whose first block moved or lost the node before it; returns their parents, to be read again. */
  takeOrphaned(): Node[] {
    const parents: Node[] = [];
    this.waiting.drop((rest) => {
      if (!isOrphaned(rest)) return false;
      parents.push(rest.parent);
      return true;
    });
    return parents;
  }

  /** Forgets the rests whose first block `isReadNow` picks: a rescan reads them (or leaves them anew). */
  forgetWhere(isReadNow: (first: Element) => boolean): void {
    this.waiting.drop((rest) => isReadNow(rest.first));
  }

  clear(): void {
    this.waiting.clear();
    this.listening.abort();
  }

  /** Whether an element's box begins below the screen and the read-ahead under it (`top`: its box's, if known). */
  private isBelow(el: Element, top = el.getBoundingClientRect().top): boolean {
    return top > this.edge();
  }

  /** The read-ahead's lower edge, from the viewport's top (none without a window: nothing lies below it). */
  private edge(): number {
    return this.view ? (1 + READ_AHEAD_SCREENS) * this.view.innerHeight : Infinity;
  }

  /** Whether the last child of `parent` that has a box lies below too: the siblings run down the page. */
  private lastIsBelow(parent: Node): boolean {
    let last = (parent as ParentNode).lastElementChild;
    for (let passed = 0; last && passed < BOXLESS_SIBLINGS_PASSED; passed++) {
      if (last.getClientRects().length) return this.isBelow(last);
      last = last.previousElementSibling;
    }
    return false;
  }
}

/**
 * Whether a rest is no longer what was left: its first block moved, or the node before it did (a block
 * put in or taken out just before it, or moved from there to after it). Its parent must be read again.
 */
export function isOrphaned({ parent, first, before }: UnreadRest<unknown>): boolean {
  return first.parentNode !== parent || first.previousSibling !== before;
}

/** The host of the shadow root `node` is in, if it is in one. */
function hostOf(node: Node): Node | null {
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}
