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
  /** The marks settled after a change: a pointer resting where no mark was may be on one now. */
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
  /** The last look under the pointer, and the pointer it was for. */
  let look: (PointerLook<Mark> & { pointer: Pointer }) | null = null;
  let frameRequested = false;
  const requestCheck = () => {
    if (frameRequested) return;
    frameRequested = true;
    requestAnimationFrame(checkPointer);
  };
  function checkPointer(): void {
    frameRequested = false;
    if (!pointer || hover.selecting || extensionGone()) return;
    if (cards.host && pointer.target === cards.host) return; // the card's own enter/leave handle it
    const marker = marking.marker;
    const view = doc.defaultView;
    // (No marker: the page is being read again, and the pointer is on no mark yet.)
    const pos = marker && textPositionFromPoint(doc, pointer.x, pointer.y, marker.shadowRoots);
    const near = pos ? marker.markAt(pos.node, pos.offset) : null;
    const mark = near && isPointOnRange(near.range, pointer.x, pointer.y) ? near : null;
    look = { pointer, movedAt: pointer.time, scrollX: view?.scrollX ?? 0, scrollY: view?.scrollY ?? 0, found: mark };
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
    if (e.type === 'keydown') requestCheck();
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
      requestCheck();
    },
    { ...options, passive: true },
  );
  doc.addEventListener(
    'pointerdown',
    (e) => {
      if (cards.host && e.composedPath().includes(cards.host)) return;
      hover.startSelecting();
      termKeys.forget();
    },
    options,
  );
  doc.addEventListener('pointerup', () => hover.endSelecting(), options);
  doc.addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'Escape' && hover.state.kind !== 'idle') cards.close();
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
      const view = doc.defaultView;
      const marker = marking.marker;
      if (!look || look.pointer !== pointer || !view || !marker || hover.state.kind !== 'idle') return;
      if (
        worthLookingAgain(
          look,
          view.performance.now(),
          (mark) => marker.holds(mark),
          () => view,
        )
      )
        requestCheck();
    },
  };
}
