/**
 * The timeline: the events the corpus reports, in the order of the dates the texts state, each with
 * its citation and the entries it involves (hover one for its card). Events whose source states no
 * date are listed apart as undated: Gloss never supplies a date the text does not give.
 */
import type { Citation as CitationData, TimelineEvent } from '../lib/corpus/types';
import type { SourceInfo } from '../lib/store/knowledge';
import { Citation } from './Citation';
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
    const source = sources.get(e.citation.docId);
    return (
      <li class="event" key={e.id} id={`event-${e.id}`}>
        {e.when ? <time dateTime={e.sort!}>{e.when}</time> : <span class="undated">{t('undated')}</span>}
        <div class="event-body">
          <h3>{e.title}</h3>
          <p>
            <q>{e.citation.quote}</q>{' '}
            {source && <Citation citation={e.citation} source={source} href={citationHref(e.citation)} onOpen={onOpenCitation} />}
          </p>
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
