/**
 * What the current tab mentions: the terms Gloss marked there, most frequent first, each a button that
 * scrolls the page to its next occurrence; and the switch that turns Gloss off and on for the site.
 */
import type { EntryBrief } from '../lib/views';
import { KIND_LABELS } from './kinds';

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
        <h2 id="summary-title">On this page</h2>
        {view.status === 'ready' && (
          <label class="switch">
            <input type="checkbox" role="switch" checked={view.enabled} onChange={(e) => onToggle((e.target as HTMLInputElement).checked)} />
            Gloss on this site
          </label>
        )}
      </div>
      {view.status === 'loading' && <p class="state">Reading the page…</p>}
      {view.status === 'unavailable' && (
        <p class="state">
          Gloss cannot read this tab. Browser pages, extension stores and the PDF viewer do not let extensions in; a page
          that was open before Gloss was installed needs a reload.
        </p>
      )}
      {view.status === 'ready' && !view.enabled && <p class="state">Gloss is off on this site. Turn it on to mark terms here.</p>}
      {view.status === 'ready' && view.enabled && view.terms.length === 0 && (
        <p class="state">No terms Gloss knows on this page yet.</p>
      )}
      {view.status === 'ready' && view.enabled && view.terms.length > 0 && (
        <ul class="terms">
          {view.terms.map((t) => (
            <li key={t.id}>
              <button type="button" class="term" onClick={() => onReveal(t.id)} title="Show on the page (again for the next one)">
                <span class="term-name">{t.name}</span>
                <span class="term-count" aria-label={`${t.count} times`}>{t.count}×</span>
                <span class="kind">{KIND_LABELS[t.kind]}</span>
                <span class="term-label">{t.label}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
