/**
 * The card: what a term is, its key facts, and for every fact who speaks in it, who publishes its
 * source and a citation that opens the source at that passage. A non-modal dialog named after the
 * entry. All text is rendered as text (Preact escapes it), so nothing from a page or a document can
 * become markup.
 */
import type { Citation as CitationData } from '../lib/corpus/types';
import type { CardData } from '../lib/store/knowledge';
import { t } from '../lib/i18n';
import { kindLabel } from './kinds';
import { AlsoInList, PackFacts } from './PackFacts';
import { LabelQuote } from './Quote';

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
  const links = { citationHref, onOpenCitation };
  return (
    <div class="card" role="dialog" aria-modal="false" aria-labelledby={CARD_TITLE_ID} aria-busy={view.status === 'loading'}>
      <header class="head">
        <h2 id={CARD_TITLE_ID} class="name">{title}</h2>
        {view.status === 'ready' && <span class="kind">{kindLabel(view.card.kind)}</span>}
        <button type="button" class="close" aria-label={t('close')} onClick={onClose}>×</button>
      </header>
      {view.status === 'loading' && <p class="status">{t('lookingUp')}</p>}
      {view.status === 'none' && (
        <p class="status">{t('noMatchingEntry', view.query)}</p>
      )}
      {view.status === 'error' && <p class="status error">{view.message}</p>}
      {view.status === 'ready' && (
        <>
          {view.card.label && (
            <p class="label">
              <LabelQuote label={view.card.label} kind={view.card.kind} citationHref={citationHref} onOpenCitation={onOpenCitation} />
            </p>
          )}
          {view.card.facts.length > 0 ? <PackFacts facts={view.card.facts} {...links} /> : <p class="status">{t(view.card.mentionedIn ? 'noFacts' : 'notInDocuments')}</p>}
          <p class="mentions">{t('mentionedIn', view.card.mentionedIn, view.card.documentCount)}</p>
          {view.card.alsoIn.map((a) => (
            <AlsoInList key={a.pack.id} className="in-pack" heading={t('alsoInPack', a.pack.title)} quotes={a.quotes} more={a.more} {...links} />
          ))}
          {view.card.inYourDocuments.length > 0 && <AlsoInList className="yours" heading={t('alsoInYourDocuments')} quotes={view.card.inYourDocuments} more={0} {...links} />}
          {view.card.related.length > 0 && (
            <nav class="related" aria-label={t('relatedEntries')}>
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
