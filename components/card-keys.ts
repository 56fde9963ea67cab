/**
 * The card from the keyboard, on web pages (card-layer.tsx) and on Gloss's own pages
 * (hover-cards.tsx): the focus put in the card, moved among its links and buttons with the arrow
 * keys as well as Tab, and the card's opening said to screen readers.
 */
import { t } from '../lib/i18n';

const FOCUSABLE = 'a[href], button:not([disabled])';

/** Puts the focus on the card in `box` (a non-modal dialog), without scrolling the page under it. */
export function focusCard(box: HTMLElement): void {
  box.querySelector<HTMLElement>('.card')?.focus({ preventScroll: true });
}

/** Whether the focus is inside the card in `box`. */
export function cardHasFocus(box: HTMLElement): boolean {
  const root = box.getRootNode() as Document | ShadowRoot;
  const active = root.activeElement;
  return !!active && box.contains(active);
}

/**
 * Arrow keys in the card: down and right go to its next link or button, up and left to the one
 * before (round at either end), Home and End to the first and last. Other keys are left alone.
 */
export function onCardArrowKey(box: HTMLElement, event: KeyboardEvent): void {
  const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1, Home: 0, End: 0 }[event.key];
  if (step === undefined || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const controls = [...box.querySelectorAll<HTMLElement>(FOCUSABLE)];
  if (!controls.length) return;
  const active = (box.getRootNode() as Document | ShadowRoot).activeElement as HTMLElement | null;
  const at = active ? controls.indexOf(active) : -1;
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? controls.length - 1
        : at === -1
          ? step > 0
            ? 0
            : controls.length - 1
          : (at + step + controls.length) % controls.length;
  event.preventDefault();
  controls[next].focus({ preventScroll: true });
}

/**
 * A polite live region in `parent`, and the function that says a card opened in it. The region is
 * there before anything is said in it, as screen readers need.
 */
export function cardAnnouncer(parent: HTMLElement): (name: string) => void {
  const region = parent.ownerDocument.createElement('div');
  region.className = 'gloss-announce';
  region.setAttribute('role', 'status');
  region.setAttribute('aria-live', 'polite');
  parent.append(region);
  return (name) => {
    region.textContent = t('cardOpened', name);
  };
}
