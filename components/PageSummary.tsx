/**
 * What the current tab mentions: the terms Gloss marked there, most frequent first, each a button that
 * scrolls the page to its next occurrence; and the switch that turns Gloss off and on for the site.
 */
import type { EntryBrief, IndexedEntry } from '../lib/views';
import { t } from '../lib/i18n';
import { kindLabel } from './kinds';

interface SummaryTerm extends EntryBrief {
  count: number;
}

export type SummaryView =
  { status: 'loading' } | { status: 'unavailable' } | { status: 'ready'; enabled: boolean; terms: SummaryTerm[] };

interface PageSummaryProps {
  view: SummaryView;
  /** Where the page offers no term: entries to start from, and how many there are in all. */
  suggestions: { entries: IndexedEntry[]; total: number } | null;
  /** The source viewer's index of every entry. */
  indexHref: string;
  onReveal(entryId: string): void;
  onOpenEntry(entryId: string): void;
  onToggle(enabled: boolean): void;
}

export function PageSummary({ view, suggestions, indexHref, onReveal, onOpenEntry, onToggle }: PageSummaryProps) {
  const terms = view.status === 'ready' && view.enabled ? view.terms : [];
  /** Why no term is listed, where none is. */
  const none =
    view.status === 'loading'
      ? 'readingPage'
      : view.status === 'unavailable'
        ? 'tabUnavailable'
        : !view.enabled
          ? 'siteOff'
          : terms.length === 0
            ? 'noTermsOnPage'
            : null;
  const title = (entry: EntryBrief) => (
    <span class="term-title">
      <span class="term-name">{entry.name}</span> <span class="kind">{kindLabel(entry.kind)}</span>
    </span>
  );
  return (
    <section class="summary" aria-labelledby="summary-title">
      <div class="summary-head">
        <h2 id="summary-title">{t('onThisPage')}</h2>
        {view.status === 'ready' && (
          <label class="switch">
            <input
              type="checkbox"
              role="switch"
              checked={view.enabled}
              onChange={(e) => onToggle(e.currentTarget.checked)}
            />
            {t('glossOnThisSite')}
          </label>
        )}
      </div>
      {none && <p class="state">{t(none)}</p>}
      {terms.length > 0 && (
        <ul class="terms on-page">
          {terms.map((term) => (
            <li key={term.id}>
              <button type="button" class="term" onClick={() => onReveal(term.id)} title={t('showOnPage')}>
                {title(term)}
                <span class="term-count" aria-label={t('timesCount', term.count)}>
                  {term.count}×
                </span>
                {term.label && <span class="term-label">{term.label}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
      {view.status !== 'loading' && none && suggestions && (
        <div class="suggestions">
          <h3 id="suggestions-title">{t('suggestionsHeading')}</h3>
          <ul class="terms suggested" aria-labelledby="suggestions-title">
            {suggestions.entries.map((entry) => (
              <li key={entry.id}>
                <button type="button" class="term" onClick={() => onOpenEntry(entry.id)}>
                  {title(entry)}
                  {entry.label && <span class="term-label">{entry.label}</span>}
                </button>
              </li>
            ))}
          </ul>
          <a class="browse" href={indexHref} target="_blank" rel="noopener">
            {t('browseEntries', suggestions.total)}
          </a>
        </div>
      )}
    </section>
  );
}
