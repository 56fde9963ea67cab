/**
 * The card: what a term is, its key facts, and for every fact who speaks in it, who publishes its
 * source and a citation that opens the source at that passage. A non-modal dialog named after the
 * entry. All text is rendered as text (Preact escapes it), so nothing from a page or a document can
 * become markup.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { CardData } from '../lib/views';
import { t } from '../lib/i18n';
import { factsForCard } from '../lib/citation';
import { kindLabel } from './kinds';
import { AlsoInList, PackFacts } from './PackFacts';
import { LabelQuote, type QuoteLinks } from './Quote';

export type CardView =
  | { status: 'loading' }
  | { status: 'ready'; card: CardData }
  | { status: 'none'; query: string }
  | { status: 'error'; message: string };

export interface CardProps extends QuoteLinks {
  view: CardView;
  /** Address of an entry in full in the source viewer, and how this context opens it. */
  entryHref(entryId: string): string;
  onOpenEntry(entryId: string): void;
  onOpenRelated(entryId: string): void;
  onClose(): void;
}

/**
 * Most facts a card shows. Fewer where they would not fit its box without scrolling (long quotes, a
 * small window): the card first lists fewer documents under each "Also in …", down to one, then drops
 * facts from the end until name, label, facts, the "mentioned in" line and the related entries fit,
 * down to one of each pack that holds some. The rest are one click away, in the entry in full.
 */
export const FACTS_ON_CARD = 3;
/** Most documents a card lists under each "Also in …". */
const ALSO_IN_ON_CARD = 5;
/** Related entries a card offers; the entry in full lists them all. */
const RELATED_ON_CARD = 4;

/** What a card shows after `cut` steps of shrinking: the "also in" lists first, then the facts. */
function shownOnCard(cut: number, fewestFacts: number): { facts: number; alsoIn: number } {
  const alsoIn = Math.max(1, ALSO_IN_ON_CARD - cut);
  const factCut = cut - (ALSO_IN_ON_CARD - alsoIn);
  return { alsoIn, facts: Math.max(Math.min(fewestFacts, FACTS_ON_CARD), FACTS_ON_CARD - factCut) };
}

const CARD_TITLE_ID = 'gloss-card-title';

export function Card({
  view,
  citationHref,
  onOpenCitation,
  entryHref,
  onOpenEntry,
  onOpenRelated,
  onClose,
}: CardProps) {
  const title = view.status === 'ready' ? view.card.name : 'Gloss';
  const box = useRef<HTMLDivElement>(null);
  // A new entry starts from the most; each render that overflows the box takes one more step off.
  const [cut, setCut] = useState(0);
  useLayoutEffect(() => setCut(0), [view]);
  const facts = view.status === 'ready' ? factsForCard(view.card.facts, view.card.label) : [];
  const packsWithFacts = new Set(facts.map((f) => f.source.pack?.id)).size;
  const { facts: shownFacts, alsoIn: shownAlsoIn } = shownOnCard(cut, Math.max(1, packsWithFacts));
  useLayoutEffect(() => {
    const more = shownOnCard(cut + 1, Math.max(1, packsWithFacts));
    const canShrink = more.facts < shownFacts || more.alsoIn < shownAlsoIn;
    if (box.current && canShrink && box.current.scrollHeight > box.current.clientHeight) setCut(cut + 1);
  });
  const hiddenFacts = Math.max(0, facts.length - shownFacts);
  const links = { citationHref, onOpenCitation };
  return (
    <div
      ref={box}
      class="card"
      tabIndex={-1}
      role="dialog"
      aria-modal="false"
      aria-labelledby={CARD_TITLE_ID}
      aria-busy={view.status === 'loading'}
    >
      <header class="head">
        <h2 id={CARD_TITLE_ID} class="name">
          {title}
        </h2>
        {view.status === 'ready' && <span class="kind">{kindLabel(view.card.kind)}</span>}
        <button type="button" class="close" aria-label={t('close')} onClick={onClose}>
          ×
        </button>
      </header>
      {view.status === 'loading' && <p class="status">{t('lookingUp')}</p>}
      {view.status === 'none' && <p class="status">{t('noMatchingEntry', view.query)}</p>}
      {view.status === 'error' && <p class="status error">{view.message}</p>}
      {view.status === 'ready' && (
        <>
          {view.card.label && (
            <p class="label">
              <LabelQuote label={view.card.label} kind={view.card.kind} {...links} />
            </p>
          )}
          {facts.length > 0 && <PackFacts facts={facts.slice(0, shownFacts)} {...links} />}
          {view.card.facts.length === 0 && (
            <p class="status">{t(view.card.mentionedIn ? 'noFacts' : 'notInDocuments')}</p>
          )}
          <p class="mentions">
            {t('mentionedIn', view.card.mentionedIn, view.card.documentCount)} ·{' '}
            <a
              class="more"
              href={entryHref(view.card.id)}
              target="_blank"
              rel="noopener noreferrer"
              onClick={(e) => {
                e.preventDefault();
                onOpenEntry(view.card.id);
              }}
            >
              {hiddenFacts > 0 ? t('moreFacts', view.card.facts.length) : t('entryInFull')}
            </a>
          </p>
          {view.card.alsoIn.map((a) => (
            <AlsoInList
              key={a.pack.id}
              className="in-pack"
              heading={t('alsoInPack', a.pack.title)}
              quotes={a.quotes.slice(0, shownAlsoIn)}
              more={a.more + Math.max(0, a.quotes.length - shownAlsoIn)}
              {...links}
            />
          ))}
          {view.card.inYourDocuments.length > 0 && (
            <AlsoInList
              className="yours"
              heading={t('alsoInYourDocuments')}
              quotes={view.card.inYourDocuments.slice(0, shownAlsoIn)}
              more={Math.max(0, view.card.inYourDocuments.length - shownAlsoIn)}
              {...links}
            />
          )}
          {view.card.related.length > 0 && (
            <nav class="related" aria-label={t('relatedEntries')}>
              {view.card.related.slice(0, RELATED_ON_CARD).map((r) => (
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
