/**
 * The search box and its results as one combobox: type, move with the arrow keys, open with Enter or a
 * click. Entries come first, then passages; each shows a snippet with the query's words marked.
 */
import type { SearchResult } from '../lib/views';
import { kindLabel } from './kinds';
import { Marked } from './Marked';
import { MIN_QUERY } from './use-search';
import { citationLabel } from '../lib/citation';
import { t } from '../lib/i18n';

interface SearchResultsProps {
  query: string;
  results: SearchResult[] | null;
  active: number;
  onQuery(query: string): void;
  onActive(index: number): void;
  onOpen(result: SearchResult): void;
  /** Whether the box takes the focus when it appears (the popup's does; a page's header's does not). */
  autoFocus?: boolean;
}

const LISTBOX_ID = 'search-results';
const optionId = (i: number) => `search-result-${i}`;

export function SearchResults({
  query,
  results,
  active,
  onQuery,
  onActive,
  onOpen,
  autoFocus = true,
}: SearchResultsProps) {
  const count = results?.length ?? 0;
  const onKeyDown = (e: KeyboardEvent) => {
    if (!count) return;
    if (e.key === 'ArrowDown') onActive((active + 1) % count);
    else if (e.key === 'ArrowUp') onActive((active - 1 + count) % count);
    else if (e.key === 'Enter' && results?.[active]) onOpen(results[active]);
    else return;
    e.preventDefault();
  };
  return (
    <div class="search">
      <label for="search-input" class="search-label">
        {t('searchLabel')}
      </label>
      <input
        id="search-input"
        type="search"
        role="combobox"
        list={undefined}
        autoComplete="off"
        spellcheck={false}
        placeholder={t('searchPlaceholder')}
        aria-expanded={count > 0}
        aria-controls={LISTBOX_ID}
        aria-activedescendant={count ? optionId(active) : undefined}
        value={query}
        onInput={(e) => onQuery(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        autoFocus={autoFocus}
      />
      {query.trim().length >= MIN_QUERY && results !== null && count === 0 && (
        <p class="state" role="status">
          {t('noSearchResults', query.trim())}
        </p>
      )}
      {count > 0 && (
        <ul id={LISTBOX_ID} role="listbox" aria-label={t('results')} class="results">
          {results!.map((r, i) => (
            <li
              id={optionId(i)}
              key={r.type === 'entry' ? r.id : `${r.docId}#${r.paragraph}`}
              role="option"
              aria-selected={i === active}
              class={`result ${r.type}`}
              onMouseEnter={() => onActive(i)}
              onClick={() => onOpen(r)}
            >
              {r.type === 'entry' ? (
                <>
                  <span class="result-name">{r.name}</span> <span class="kind">{kindLabel(r.kind)}</span>
                  {r.snippet && (
                    <span class="result-snippet">
                      <Marked snippet={r.snippet} />
                    </span>
                  )}
                  {r.label && <span class="result-source">{citationLabel(r.label.source, r.label.paragraph)}</span>}
                </>
              ) : (
                <>
                  <span class="result-source">{citationLabel(r.source, r.paragraph)}</span>
                  <span class="result-snippet">
                    <Marked snippet={r.snippet} />
                  </span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
