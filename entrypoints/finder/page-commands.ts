/**
 * What the background and the popup ask of a page: look up the selection (the shortcut and the context
 * menu), step from term to term (the browser's commands), say what is marked here and reveal one of
 * those marks (the popup's summary).
 */
import { onPageMessage } from '../../lib/messages';
import type { PageCards } from './cards';
import { isKeyboardFrame, type TermKeys } from './keyboard';
import type { PageMarking } from './marking';

export interface PageCommandsOptions {
  cards: PageCards;
  marking: PageMarking;
  termKeys: TermKeys;
  /** The site's key, as the site switch names it. */
  site: string;
  /** A card is opening without the pointer: the reader's keys and pointer are worth listening to. */
  listen(): void;
}

/** Answers the page's commands; returns what stops answering. */
export function answerPageCommands({ cards, marking, termKeys, site, listen }: PageCommandsOptions): () => void {
  const stops = [
    onPageMessage('lookUpSelection', ({ data }) => {
      const selection = window.getSelection();
      const text = data.trim() || selection?.toString() || '';
      if (!text.trim() || !selection || selection.rangeCount === 0) return;
      // Only the frame that holds the selection answers.
      if (selection.isCollapsed && !data) return;
      listen();
      cards.hover.showNow({ range: selection.getRangeAt(0).cloneRange(), entryId: null, query: text.trim() });
    }),
    // Only the frame the reader's keys are in moves.
    onPageMessage('stepTerm', ({ data }) => {
      if (isKeyboardFrame(window)) termKeys.step(data.direction);
    }),
    onPageMessage('pageSummary', async () => {
      // Answered from the page as it is, not from a scan under way (the popup may open, or switch Gloss
      // back on, while one runs).
      await marking.whenSettled();
      const counts = new Map<string, number>();
      for (const mark of marking.marker?.allMarks() ?? [])
        counts.set(mark.entryId, (counts.get(mark.entryId) ?? 0) + 1);
      return { counts: [...counts], enabled: marking.enabled, site };
    }),
    onPageMessage('revealTerm', ({ data }) => marking.marker?.reveal(data.entryId, data.index) ?? false),
  ];
  return () => stops.forEach((stop) => stop());
}
