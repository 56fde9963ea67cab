/**
 * The timeline: the events the corpus reports, in the order of the dates the texts state, each with the words of every
 * source that reports it, cited, and the entries it involves (hover one for its card, follow it for the entry in full).
 * Where sources give different dates, each is shown and the event says they differ. Events no source dates in full are
 * listed apart, in their sources' words ("on Tuesday"): Gloss never supplies a date the text does not give.
 */
import type { TimelineEvent } from '../lib/corpus/types';
import type { SourceInfo } from '../lib/views';
import { FactQuote, type QuoteLinks } from './Quote';
import { t } from '../lib/i18n';

interface TimelineProps extends QuoteLinks {
  events: TimelineEvent[];
  sources: Map<string, SourceInfo>;
  entryNames: Map<string, string>;
  entryHref(entryId: string): string;
}

/**
 * A sort key ("2022", "2022-10", "2023-12-12") as the reader's language writes a date, at the key's
 * own precision: never a day the key does not hold.
 */
function sortKeyDate(sort: string): string {
  const [year, month, day] = sort.split('-').map(Number);
  const date = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
  const parts: Intl.DateTimeFormatOptions = day
    ? { day: 'numeric', month: 'long', year: 'numeric' }
    : month
      ? { month: 'long', year: 'numeric' }
      : { year: 'numeric' };
  return new Intl.DateTimeFormat(t('localeCode'), { ...parts, timeZone: 'UTC' }).format(date);
}

export function Timeline({ events, sources, entryNames, citationHref, onOpenCitation, entryHref }: TimelineProps) {
  const dated = events.filter((e) => e.sort);
  const undated = events.filter((e) => !e.sort);
  const item = (e: TimelineEvent) => {
    const when = e.accounts.find((a) => a.when)?.when;
    const differ = new Set(e.accounts.map((a) => a.when).filter(Boolean)).size > 1;
    // Sources that agree: their words head the event. Sources that differ: the heading is what the
    // order rests on, in one format, and each account keeps its own words beside it.
    const heading = e.sort && differ ? sortKeyDate(e.sort) : when;
    return (
      <li class="event" key={e.id} id={`event-${e.id}`}>
        {e.sort ? <time dateTime={e.sort}>{heading}</time> : <span class="undated">{when ?? t('undated')}</span>}
        <div class="event-body">
          <h3>{e.title}</h3>
          {differ && <p class="differ">{t('sourcesDiffer')}</p>}
          {e.accounts.map((a) => {
            const source = sources.get(a.citation.docId);
            return (
              <p class="account" key={`${a.citation.docId}:${a.citation.paragraph}:${a.citation.start}`}>
                {differ && <span class="account-when">{a.when ?? t('undated')}: </span>}
                {source && (
                  <FactQuote
                    fact={{ ...a.citation, source }}
                    citationHref={citationHref}
                    onOpenCitation={onOpenCitation}
                  />
                )}
              </p>
            );
          })}
          {e.entries.length > 0 && (
            <p class="event-entries">
              {e.entries.map((id) => (
                <a class="chip mention" href={entryHref(id)} data-entry={id} key={id}>
                  {entryNames.get(id) ?? id}
                </a>
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
