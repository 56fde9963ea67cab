/**
 * The card: what a term is, its key facts, and for every fact a citation that opens the source at
 * that passage. A non-modal dialog named after the entry. All text is rendered as text (Preact
 * escapes it), so nothing from a page or a document can become markup.
 */
import type { Citation as CitationData } from '../lib/corpus/types';
import type { CardData, CitedQuote } from '../lib/store/knowledge';
import { Citation } from './Citation';
import { KIND_LABELS } from './kinds';

export type CardView =
  | { status: 'loading'; name?: string }
  | { status: 'ready'; card: CardData }
  | { status: 'none'; query: string }
  | { status: 'error'; message: string };

export interface CardProps {
  view: CardView;
  /** Address of the source reader at a citation (shown on hover, used by "open in new tab"). */
  citationHref(c: CitationData): string;
  onOpenCitation(c: CitationData): void;
  onOpenRelated(entryId: string): void;
  onClose(): void;
}


export const CARD_TITLE_ID = 'gloss-card-title';

export function Card({ view, citationHref, onOpenCitation, onOpenRelated, onClose }: CardProps) {
  const title = view.status === 'ready' ? view.card.name : view.status === 'loading' ? (view.name ?? 'Gloss') : 'Gloss';
  const cite = (c: CitedQuote) => <Citation citation={c} source={c.source} href={citationHref(c)} onOpen={onOpenCitation} />;
  return (
    <div class="card" role="dialog" aria-modal="false" aria-labelledby={CARD_TITLE_ID} aria-busy={view.status === 'loading'}>
      <header class="head">
        <h2 id={CARD_TITLE_ID} class="name">{title}</h2>
        {view.status === 'ready' && <span class="kind">{KIND_LABELS[view.card.kind]}</span>}
        <button type="button" class="close" aria-label="Close" onClick={onClose}>×</button>
      </header>
      {view.status === 'loading' && <p class="status">Looking up…</p>}
      {view.status === 'none' && (
        <p class="status">No entry in Gloss matches “{view.query}”.</p>
      )}
      {view.status === 'error' && <p class="status error">{view.message}</p>}
      {view.status === 'ready' && (
        <>
          <p class="label">
            <q>{view.card.label.quote}</q> {cite(view.card.label)}
          </p>
          <ul class="facts" aria-label="Key facts">
            {view.card.facts.map((f) => (
              <li key={`${f.docId}:${f.paragraph}:${f.start}`}>
                <q>{f.quote}</q> {cite(f)}
              </li>
            ))}
          </ul>
          <p class="mentions">
            Mentioned in {view.card.mentionedIn} of {view.card.documentCount} documents
          </p>
          {view.card.related.length > 0 && (
            <nav class="related" aria-label="Related entries">
              {view.card.related.map((r) => (
                <button type="button" key={r.id} class="chip" onClick={() => onOpenRelated(r.id)}>
                  {r.name}
                </button>
              ))}
            </nav>
          )}
        </>
      )}
    </div>
  );
}
