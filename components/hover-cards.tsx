/**
 * Hover cards on Gloss's own pages (the reader, the welcome page): every element with `data-entry`
 * opens its entry's card after the same dwell, with the same grace period and stale-answer rule as on
 * web pages (lib/page/hover.ts). The card renders into `box`, placed next to the element.
 */
import { render } from 'preact';
import type { Citation } from '../lib/corpus/types';
import { HoverMachine } from '../lib/page/hover';
import type { CardData } from '../lib/views';
import { Card, type CardView } from './Card';
import { placeFloating } from './place';
import { t } from '../lib/i18n';

export interface HoverCardOptions {
  card(entryId: string): Promise<CardData | null>;
  citationHref(c: Citation): string;
  onOpenCitation(c: Citation): void;
  entryHref(entryId: string): string;
  onOpenEntry(entryId: string): void;
}

interface Anchor {
  element: Element;
  entryId: string;
}

/** Starts hover cards for `root`; returns the function that stops them. */
export function attachHoverCards(root: HTMLElement, box: HTMLElement, options: HoverCardOptions): () => void {
  let stopPlacing: (() => void) | null = null;
  const draw = (view: CardView, anchor: Anchor) => {
    render(
      <Card
        view={view}
        citationHref={options.citationHref}
        onOpenCitation={options.onOpenCitation}
        entryHref={options.entryHref}
        onOpenEntry={options.onOpenEntry}
        onOpenRelated={(entryId) => hover.showNow({ element: anchor.element, entryId })}
        onClose={() => hover.close()}
      />,
      box,
    );
    box.hidden = false;
    stopPlacing?.();
    stopPlacing = placeFloating(anchor.element, box);
  };
  const hover: HoverMachine<Anchor> = new HoverMachine<Anchor>(
    {
      show: async (anchor, token) => {
        draw({ status: 'loading' }, anchor);
        const card = await options.card(anchor.entryId).catch(() => null);
        if (!hover.isCurrent(token)) return;
        draw(card ? { status: 'ready', card } : { status: 'error', message: t('entryNotLoaded') }, anchor);
      },
      hide: () => {
        stopPlacing?.();
        stopPlacing = null;
        box.hidden = true;
        render(null, box);
      },
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (handle) => clearTimeout(handle as number),
    },
    (a, b) => a.element === b.element && a.entryId === b.entryId,
  );

  const onOver = (e: PointerEvent) => {
    const element = (e.target as Element | null)?.closest?.('[data-entry]');
    const entryId = element?.getAttribute('data-entry');
    if (element && entryId) hover.enterTerm({ element, entryId });
    else hover.leaveTerm();
  };
  const onLeave = () => hover.leaveTerm();
  const onKey = (e: KeyboardEvent) => e.key === 'Escape' && hover.close();
  const onCardEnter = () => hover.enterCard();
  const onCardLeave = () => hover.leaveCard();
  root.addEventListener('pointerover', onOver);
  root.addEventListener('pointerleave', onLeave);
  document.addEventListener('keydown', onKey);
  box.addEventListener('pointerenter', onCardEnter);
  box.addEventListener('pointerleave', onCardLeave);
  return () => {
    hover.close();
    root.removeEventListener('pointerover', onOver);
    root.removeEventListener('pointerleave', onLeave);
    document.removeEventListener('keydown', onKey);
    box.removeEventListener('pointerenter', onCardEnter);
    box.removeEventListener('pointerleave', onCardLeave);
  };
}
