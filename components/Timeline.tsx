/**
 * The timeline: the events the corpus reports, in the order of the dates the texts state, each with
 * the words of every source that reports it, cited, and the entries it involves (hover one for its
 * card). Where sources give different dates, each is shown and the event says they differ. Events no
 * source dates in full are listed apart, in their sources' words ("on Tuesday"): Gloss never supplies
 * a date the text does not give.
 */
import type { Citation as CitationData, TimelineEvent } from '../lib/corpus/types';
import type { SourceInfo } from '../lib/store/knowledge';
import { FactQuote } from './Quote';
import { t } from '../lib/i18n';

export interface TimelineProps {
  events: TimelineEvent[];
  sources: Map<string, SourceInfo>;
  entryNames: Map<string, string>;
  citationHref(c: CitationData): string;
  onOpenCitation(c: CitationData): void;
}

export function Timeline({ events, sources, entryNames, citationHref, onOpenCitation }: TimelineProps) {
  const dated = events.filter((e) => e.sort);
  const undated = events.filter((e) => !e.sort);
  const item = (e: TimelineEvent) => {
    const when = e.accounts.find((a) => a.when)?.when;
    const differ = new Set(e.accounts.map((a) => a.when).filter(Boolean)).size > 1;
    return (
      <li class="event" key={e.id} id={`event-${e.id}`}>
        {e.sort ? <time dateTime={e.sort}>{when}</time> : <span class="undated">{when ?? t('undated')}</span>}
        <div class="event-body">
          <h3>{e.title}</h3>
          {differ && <p class="differ">{t('sourcesDiffer')}</p>}
          {e.accounts.map((a) => {
            const source = sources.get(a.citation.docId);
            return (
              <p class="account" key={`${a.citation.docId}:${a.citation.paragraph}:${a.citation.start}`}>
                {differ && <span class="account-when">{a.when ?? t('undated')}: </span>}
                {source && <FactQuote fact={{ ...a.citation, source }} citationHref={citationHref} onOpenCitation={onOpenCitation} />}
              </p>
            );
          })}
          {e.entries.length > 0 && (
            <p class="event-entries">
              {e.entries.map((id) => (
                <span class="chip mention" data-entry={id} key={id}>
                  {entryNames.get(id) ?? id}
                </span>
              ))}
            </p>
          )}
        </div>
      </li>
    );
  };
  return (
    <section class="timeline-view" aria-labelledby="timeline-title">
      <h1 id="timeline-title">{t('timeline')}</h1>
      <p class="byline">{t('timelineByline')}</p>
      <ol class="timeline">{dated.map(item)}</ol>
      {undated.length > 0 && (
        <>
          <h2>{t('undatedInSources')}</h2>
          <ol class="timeline undated-list">{undated.map(item)}</ol>
        </>
      )}
    </section>
  );
}
