/**
 * A quote as Gloss shows it, on cards, in the popup and on the timeline: who speaks where the quote
 * does not say ("Trong said", "Xinhua reports"), the words verbatim with "…" where they stop before
 * their sentence does, Gloss's note on an error the source makes ([sic]), and the citation. A label
 * is a quote too; a person's label is a title, so it says as of when.
 */
import type { Citation as CitationData, EntryKind } from '../lib/corpus/types';
import { asOfLabel, attributionLabel } from '../lib/citation';
import type { CitedFact, CitedQuote } from '../lib/views';
import { t } from '../lib/i18n';
import { Citation } from './Citation';

/** A citation's address in the source viewer (shown on hover, used by "open in new tab"), and how it opens. */
export interface QuoteLinks {
  citationHref(c: CitationData): string;
  onOpenCitation(c: CitationData): void;
}

export function FactQuote({ fact, citationHref, onOpenCitation }: { fact: CitedFact } & QuoteLinks) {
  const said = attributionLabel(fact, fact.source);
  return (
    <>
      {said && <span class="said">{said}: </span>}
      <q>
        {fact.quote}
        {fact.truncated && '…'}
      </q>
      {fact.note && (
        <span class="source-note" role="note">
          {' '}
          <span class="sic">{t('sicMarker')}</span> {fact.note}
        </span>
      )}{' '}
      <Citation citation={fact} source={fact.source} href={citationHref(fact)} onOpen={onOpenCitation} />
    </>
  );
}

export function LabelQuote({
  label,
  kind,
  citationHref,
  onOpenCitation,
}: { label: CitedQuote; kind: EntryKind } & QuoteLinks) {
  return (
    <>
      <q>{label.quote}</q>
      {kind === 'person' && <span class="as-of"> ({asOfLabel(label.source)})</span>}{' '}
      <Citation citation={label} source={label.source} href={citationHref(label)} onOpen={onOpenCitation} />
    </>
  );
}
