/**
 * What the current tab mentions: the terms Gloss marked there, most frequent first, each a button that
 * scrolls the page to its next occurrence; and the switch that turns Gloss off and on for the site.
 */
import type { EntryBrief } from '../lib/views';
import { t } from '../lib/i18n';
import { kindLabel } from './kinds';

export interface SummaryTerm extends EntryBrief {
  count: number;
}

export type SummaryView =
  | { status: 'loading' }
  | { status: 'unavailable' }
  | { status: 'ready'; enabled: boolean; terms: SummaryTerm[] };

export interface PageSummaryProps {
  view: SummaryView;
  onReveal(entryId: string): void;
  onToggle(enabled: boolean): void;
}

export function PageSummary({ view, onReveal, onToggle }: PageSummaryProps) {
  return (
    <section class="summary" aria-labelledby="summary-title">
      <div class="summary-head">
        <h2 id="summary-title">{t('onThisPage')}</h2>
        {view.status === 'ready' && (
          <label class="switch">
            <input type="checkbox" role="switch" checked={view.enabled} onChange={(e) => onToggle((e.target as HTMLInputElement).checked)} />
            {t('glossOnThisSite')}
          </label>
        )}
      </div>
      {view.status === 'loading' && <p class="state">{t('readingPage')}</p>}
      {view.status === 'unavailable' && (
        <p class="state">{t('tabUnavailable')}</p>
      )}
      {view.status === 'ready' && !view.enabled && <p class="state">{t('siteOff')}</p>}
      {view.status === 'ready' && view.enabled && view.terms.length === 0 && (
        <p class="state">{t('noTermsOnPage')}</p>
      )}
      {view.status === 'ready' && view.enabled && view.terms.length > 0 && (
        <ul class="terms">
          {view.terms.map((term) => (
            <li key={term.id}>
              <button type="button" class="term" onClick={() => onReveal(term.id)} title={t('showOnPage')}>
                <span class="term-name">{term.name}</span>
                <span class="term-count" aria-label={t('timesCount', term.count)}>{term.count}×</span>
                <span class="kind">{kindLabel(term.kind)}</span>
                {term.label && <span class="term-label">{term.label}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
