/**
 * An entry in full, in the popup: label and every fact with its citation (as the card shows them),
 * where each document mentions it, and related entries.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { EntryDetail } from '../lib/views';
import { Citation } from './Citation';
import { kindLabel } from './kinds';
import { Marked } from './Marked';
import { PackFacts } from './PackFacts';
import { LabelQuote, type QuoteLinks } from './Quote';
import { t } from '../lib/i18n';

interface EntryViewProps extends QuoteLinks {
  detail: EntryDetail;
  onOpenEntry(entryId: string): void;
  onBack(): void;
}

export function EntryView({ detail, citationHref, onOpenCitation, onOpenEntry, onBack }: EntryViewProps) {
  const { card, mentionsByDocument } = detail;
  // Opened from the keyboard or a click, the entry takes the focus: a screen reader reads its name,
  // and Tab goes on into its facts rather than back to the page behind.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [card.id]);
  return (
    <article class="entry" aria-labelledby="entry-name">
      <button type="button" class="back" onClick={onBack}>
        ← {t('back')}
      </button>
      <header class="entry-head">
        <h2 id="entry-name" ref={heading} tabIndex={-1}>
          {card.name}
        </h2>
        <span class="kind">{kindLabel(card.kind)}</span>
      </header>
      {card.label && (
        <p class="label">
          <LabelQuote label={card.label} kind={card.kind} citationHref={citationHref} onOpenCitation={onOpenCitation} />
        </p>
      )}
      <h3>{t('keyFacts')}</h3>
      {card.facts.length > 0 ? (
        <PackFacts facts={card.facts} citationHref={citationHref} onOpenCitation={onOpenCitation} />
      ) : (
        <p class="state">{t(card.mentionedIn ? 'noFacts' : 'notInDocuments')}</p>
      )}
      <h3>{t('mentionedIn', card.mentionedIn, card.documentCount)}</h3>
      {mentionsByDocument.map((group) => (
        <section class="mention-group" key={group.docId}>
          <h4>
            {group.source.title} <span class="count">({group.mentions.length})</span>
          </h4>
          <ul class="mentions">
            {group.mentions.map((m) => {
              const citation = { docId: group.docId, paragraph: m.paragraph, quote: m.text, start: 0, end: 0 };
              return (
                <li key={`${m.paragraph}:${m.snippet.text.length}:${m.text}`}>
                  <Marked snippet={m.snippet} />{' '}
                  <Citation
                    citation={citation}
                    source={group.source}
                    href={citationHref(citation)}
                    onOpen={onOpenCitation}
                  />
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      {card.related.length > 0 && (
        <nav class="related" aria-label={t('relatedEntries')}>
          <h3>{t('related')}</h3>
          {card.related.map((r) => (
            <button type="button" class="chip" key={r.id} onClick={() => onOpenEntry(r.id)}>
              {r.name}
            </button>
          ))}
        </nav>
      )}
    </article>
  );
}
