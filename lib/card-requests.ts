/**
 * What a card is asked for, and the answers asked for early. Plain logic, apart from the card's view,
 * so that the content script, which asks when a dwell begins, carries none of the card's code.
 */
import type { CardData } from './views';

/** What a card is asked for: an entry's, or the best match of a text (a selection being looked up). */
export interface CardRequest {
  /** Null for a look-up of `query`. */
  entryId: string | null;
  query?: string;
  /** Opened from the keyboard: the focus goes into the card. */
  focus?: boolean;
  /** Its answer, if it was asked for already (when the dwell began). */
  answer?: Promise<CardData | null>;
}

/** Where a card's data comes from, in the context that shows it. */
export interface CardSource {
  card(entryId: string): Promise<CardData | null>;
  /** The card of the best match of a text, if any. */
  lookUpText(text: string): Promise<CardData | null>;
}

/** Asks for the answer to `request`: the entry's card, or the best match of its text. */
export function askForCard(source: CardSource, request: CardRequest): Promise<CardData | null> {
  return request.entryId ? source.card(request.entryId) : source.lookUpText(request.query ?? '');
}

/**
 * The answers asked for when a dwell began (HoverEffects.dwellStarted), by the term dwelt on: the
 * background's answer arrives during the dwell instead of after it. A later dwell on the same term
 * asks again, so no answer outlives the dwell it was asked for.
 */
export class EarlyAnswers<T extends CardRequest> {
  private readonly answers = new WeakMap<T, Promise<CardData | null>>();

  constructor(private readonly source: CardSource) {}

  ask(term: T): void {
    // Caught here: an answer nobody takes (the pointer moved on) must not be an unhandled rejection.
    this.answers.set(
      term,
      askForCard(this.source, term).catch(() => null),
    );
  }

  /** `term` with its answer, if one was asked for. */
  with(term: T): T {
    const answer = this.answers.get(term);
    this.answers.delete(term);
    return answer ? { ...term, answer } : term;
  }
}
