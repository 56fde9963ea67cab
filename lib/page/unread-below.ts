/**
 * Text far below the screen, left unread until the reader nears it. A long page's first screens are
 * what a reader sees; reading the rest at once (the walk, the sieve) was most of what Gloss cost a
 * long article. So the walk looks, every TEXT_BETWEEN_LOOKS characters, at where the block it is
 * about to enter lies: once one lies more than READ_AHEAD_SCREENS below the screen, with the last of
 * its siblings below it too, it and the siblings after it are left unread, and the walk goes on after
 * their parent (an aside beside the article, later in the page's order, is still read). What is left
 * is read when its first block comes within the read-ahead (an IntersectionObserver), when a scroll
 * ends or the window is resized with it no longer below (a jump past it: the observer tells only of
 * crossings), or when the whole page is asked for (the popup's summary, the step keys), after which
 * nothing is left for later.
 *
 * Where blocks do not follow one another down the page (a column laid out in reverse, say) the look
 * at the last sibling finds it: nothing is left unread there. Where there is no observer (jsdom),
 * nothing is.
 */
import { type ObserverConstructor } from './near-view';
import { READ_AHEAD_SCREENS, UntilNear } from './until-near';

/** The children of `parent` from `first` on, left unread while they lay below the read-ahead. */
export interface UnreadRest {
  parent: Node;
  first: Element;
}

/**
 * Text read between two looks at where the walk has got to: a look lays the page out if it must,
 * and the first screens of a page hold a few thousand characters.
 */
export const TEXT_BETWEEN_LOOKS = 1000;

/** Siblings at the end of a parent passed over for one that has a box, in the look at the last sibling. */
const BOXLESS_SIBLINGS_PASSED = 4;

type View = Window & { IntersectionObserver?: ObserverConstructor };

export class UnreadBelow {
  private readonly waiting: UntilNear<UnreadRest>;
  /** Once the whole page has been asked for, nothing more is left for later. */
  private readingAll = false;
  private readonly listening = new AbortController();

  /** `resume`: called with the rests the reader came near, to be read now. */
  constructor(
    private readonly view: View | null,
    resume: (rests: UnreadRest[]) => void,
  ) {
    this.waiting = new UntilNear(view, resume);
    // A jump (a link, the End key, the scroll bar) can pass a rest's first block without its crossing
    // the observer's margin: after any scroll, and any resize, look again at those still waiting.
    const lookAgain = () => this.waiting.releaseWhere((first) => !this.isBelow(first));
    const options = { capture: true, passive: true, signal: this.listening.signal };
    view?.document.addEventListener('scrollend', lookAgain, options);
    view?.addEventListener('resize', lookAgain, options);
  }

  /** For one walk (textRuns' leaveRest): whether to leave `el` and its siblings after it for later. */
  leaveRest(): (el: Element, textRead: number) => boolean {
    let lookedAt = 0;
    // After leaving a rest the walk climbs to the parent's next sibling, which is looked at at once.
    let lookNext = false;
    return (el, textRead) => {
      if (this.readingAll || (!lookNext && textRead - lookedAt < TEXT_BETWEEN_LOOKS)) return false;
      lookedAt = textRead;
      const parent = el.parentNode;
      lookNext =
        !!parent && this.isBelow(el) && this.lastIsBelow(parent) && this.waiting.hold(el, { parent, first: el });
      return lookNext;
    };
  }

  /** Everything left unread, in the order left; from now on nothing is left for later. */
  takeAll(): UnreadRest[] {
    this.readingAll = true;
    return this.waiting.takeAll();
  }

  /** Whether `node` is in a rest left unread (it will be read with it). */
  holds(node: Node): boolean {
    return this.waiting.some(
      ({ parent, first }) =>
        parent.contains(node) &&
        (first === node || (first.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0),
    );
  }

  /** Forgets the rests whose first block left its parent; returns their parents, to be read again. */
  takeOrphaned(): Node[] {
    const parents: Node[] = [];
    this.waiting.drop((rest) => {
      if (rest.first.parentNode === rest.parent) return false;
      parents.push(rest.parent);
      return true;
    });
    return parents;
  }

  /** Forgets the rests whose first block `isReadNow` picks: a rescan reads them. */
  forgetWhere(isReadNow: (first: Element) => boolean): void {
    this.waiting.drop((rest) => isReadNow(rest.first));
  }

  clear(): void {
    this.waiting.clear();
    this.listening.abort();
  }

  /** Whether an element's box begins below the screen and the read-ahead under it. */
  private isBelow(el: Element): boolean {
    return !!this.view && el.getBoundingClientRect().top > (1 + READ_AHEAD_SCREENS) * this.view.innerHeight;
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
