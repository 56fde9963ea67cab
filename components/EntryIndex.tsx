/**
 * Every entry Gloss knows, by kind, each with its label: the source viewer's index, where a reader
 * browses rather than searches.
 */
import { groupBy } from '../lib/group-by';
import { t } from '../lib/i18n';
import type { IndexedEntry } from '../lib/views';
import { kindLabel } from './kinds';

export function EntryIndex({
  entries,
  entryHref,
}: {
  entries: readonly IndexedEntry[];
  entryHref(entryId: string): string;
}) {
  const byKind = groupBy(entries, (entry) => entry.kind);
  const kinds = [...byKind.keys()].sort((a, b) => kindLabel(a).localeCompare(kindLabel(b)));
  return (
    <section class="entry-index" aria-labelledby="entry-index-title">
      <h1 id="entry-index-title">{t('entryIndexTitle')}</h1>
      <p class="byline">{t('entryIndexIntro')}</p>
      {kinds.map((kind) => (
        <section key={kind} aria-labelledby={`kind-${kind}`}>
          <h2 id={`kind-${kind}`}>
            {kindLabel(kind)} <span class="count">({byKind.get(kind)!.length})</span>
          </h2>
          <ul>
            {byKind.get(kind)!.map((entry) => (
              <li key={entry.id}>
                <a href={entryHref(entry.id)}>{entry.name}</a>
                {entry.label && <span class="entry-label"> — {entry.label}</span>}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
