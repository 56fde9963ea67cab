/**
 * The reader's pointer and keys on a marked page: the pointer is looked up once per animation frame at
 * most and handed to the hover machine as arriving on a term or leaving it; a press and release bracket
 * a possible selection, during which no card opens; Esc closes the card; the step keys move from term
 * to term where the browser's command did not take them (lib/keyboard.ts). Listened to only once the
 * page is marked or a card is open. A pointer that came to rest before the words under it were marked
 * is looked under again once they are (lib/page/hover.ts, worthLookingAgain).
 */
import { stepOfKey } from '../../lib/keyboard';
import { worthLookingAgain, type PointerLook } from '../../lib/page/hover';
import type { Mark } from '../../lib/page/marker';
import { isPointOnRange, textPositionFromPoint } from '../../lib/page/point';
import { triggerHeld, type Preferences } from '../../lib/settings';
import type { PageCards } from './cards';
import type { TermKeys } from './keyboard';
import type { PageMarking } from './marking';

interface Pointer {
  x: number;
  y: number;
  time: number;
  target: EventTarget | null;
  altKey: boolean;
  shiftKey: boolean;
}

interface ReaderInput {
  cards: PageCards;
  marking: PageMarking;
  termKeys: TermKeys;
  preferences(): Preferences;
  extensionGone(): boolean;
}

/** What the page's marking tells the reader's listeners. */
export interface ReaderListeners {
  /**
   * The marks settled after a change: a pointer resting where no mark was may be on one now. Called
   * after every settled change, many times a second on a live page, so it only asks for a frame.
   */
  marksSettled(): void;
}

/** Listens to the reader until `signal` aborts. */
export function listenToReader(
  doc: Document,
  { cards, marking, termKeys, preferences, extensionGone }: ReaderInput,
  signal: AbortSignal,
): ReaderListeners {
  const { hover } = cards;
  let pointer: Pointer | null = null;
  /** Pointer moves, and modifier presses, each an arrival where the pointer is. */
  let arrivals = 0;
  /** The arrival the last look under the pointer was for. */
  let lookedAt = 0;
  /**
   * What the last look found, kept while it may be worth looking again (lib/page/hover.ts,
   * worthLookingAgain); dropped once what is under the pointer is no longer what the reader pointed at.
   */
  let look: PointerLook<Mark> | null = null;
  const forgetLook = () => (look = null);
  let frameRequested = false;
  const requestCheck = () => {
    if (frameRequested) return;
    frameRequested = true;
    requestAnimationFrame(checkPointer);
  };
  /** Whether the pointer, not moved since the last look, is worth looking under again: the marks changed. */
  const worthAnotherLook = () => {
    const marker = marking.marker;
    return (
      !!look &&
      !!marker &&
      hover.state.kind === 'idle' &&
      worthLookingAgain(look, doc.defaultView?.performance.now() ?? 0, (mark) => marker.holds(mark))
    );
  };
  function checkPointer(): void {
    frameRequested = false;
    if (!pointer || hover.selecting || extensionGone()) return;
    if (cards.host && pointer.target === cards.host) return; // the card's own enter/leave handle it
    // Judged here, when the look would happen: a hidden tab runs this frame only once it is shown.
    if (arrivals === lookedAt && !worthAnotherLook()) return;
    lookedAt = arrivals;
    const marker = marking.marker;
    // (No marker: the page is being read again, and the pointer is on no mark yet.)
    const pos = marker && textPositionFromPoint(doc, pointer.x, pointer.y, marker.shadowRoots);
    const near = pos ? marker.markAt(pos.node, pos.offset) : null;
    const mark = near && isPointOnRange(near.range, pointer.x, pointer.y) ? near : null;
    look = { movedAt: pointer.time, found: mark };
    if (!marker) return;
    if (mark && triggerHeld(preferences().cardTrigger, pointer)) {
      marker.setActive(mark);
      hover.enterTerm({ range: mark.range, entryId: mark.entryId }, pointer);
    } else {
      if (!hover.openTerm) marker.setActive(null);
      hover.leaveTerm(pointer);
    }
  }
  // With a modifier-key trigger, pressing the key while resting on a term counts as arriving on it.
  const onModifier = (e: KeyboardEvent) => {
    if (!pointer || (e.key !== 'Alt' && e.key !== 'Shift')) return;
    pointer = { ...pointer, altKey: e.altKey, shiftKey: e.shiftKey };
    if (e.type !== 'keydown') return;
    arrivals++;
    requestCheck();
  };

  const options = { capture: true, signal };
  doc.addEventListener(
    'pointermove',
    (e) => {
      pointer = {
        x: e.clientX,
        y: e.clientY,
        time: e.timeStamp,
        target: e.target,
        altKey: e.altKey,
        shiftKey: e.shiftKey,
      };
      arrivals++;
      requestCheck();
    },
    { ...options, passive: true },
  );
  // What is under a pointer that stays is no longer what the reader pointed at once the page or a box
  // in it scrolls (capture: a box's scroll does not bubble), the pointer leaves the window, or the tab
  // is hidden: a term marked there later opens nothing until the pointer moves. (A scroll's event comes
  // in the next frame, before that frame's look: a scroll in the frame the pointer arrives in counts as
  // before it, as a jump to a part of the page and a move onto it at once must.)
  doc.addEventListener('scroll', forgetLook, { ...options, passive: true });
  doc.addEventListener('pointerout', (e) => e.relatedTarget || forgetLook(), { ...options, passive: true });
  doc.addEventListener('visibilitychange', forgetLook, options);
  doc.addEventListener(
    'pointerdown',
    (e) => {
      if (cards.host && e.composedPath().includes(cards.host)) return;
      forgetLook();
      hover.startSelecting();
      termKeys.forget();
    },
    options,
  );
  doc.addEventListener('pointerup', () => hover.endSelecting(), options);
  doc.addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'Escape') {
        // Esc says no to the term under the pointer too, even once it is marked again.
        forgetLook();
        if (hover.state.kind !== 'idle') cards.close();
      }
      const direction = stepOfKey(e);
      if (direction) {
        e.preventDefault();
        e.stopPropagation();
        void termKeys.step(direction);
        return;
      }
      onModifier(e);
    },
    options,
  );
  doc.addEventListener('keyup', onModifier, options);

  return {
    marksSettled() {
      if (look && arrivals === lookedAt && hover.state.kind === 'idle') requestCheck();
    },
  };
}
