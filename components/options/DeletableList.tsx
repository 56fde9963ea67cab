/** A list of the reader's own things (documents, entries, packs), each with a two-step delete. */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';

interface DeletableItem {
  id: string;
  title: string;
  /** Where the title links to, if anywhere. */
  href?: string;
  meta: string;
  /** More for the item, before its delete button (a pack's on/off switch). */
  controls?: ComponentChildren;
  /** Said in place of the delete button for an item that cannot be deleted. */
  kept?: string;
}

/** `items` is null while the store is being read: the list says so, and never that it is empty. */
export function DeletableList({
  items,
  empty,
  className,
  onDelete,
}: {
  items: readonly DeletableItem[] | null;
  empty: string;
  className: string;
  onDelete(id: string): void;
}) {
  const [confirming, setConfirming] = useState<string | null>(null);
  if (items === null) {
    return (
      <p class={`loading ${className}`} aria-busy="true">
        {t('loading')}
      </p>
    );
  }
  if (items.length === 0) return <p class={`empty ${className}`}>{empty}</p>;
  return (
    <ul class={`items ${className}`}>
      {items.map((item) => (
        <li key={item.id} data-id={item.id}>
          <span class="what">
            {item.href ? (
              <a href={item.href} target="_blank" rel="noopener">
                {item.title}
              </a>
            ) : (
              <strong>{item.title}</strong>
            )}
            <span class="meta">{item.meta}</span>
          </span>
          {item.controls}
          {item.kept ? (
            <span class="kept">{item.kept}</span>
          ) : confirming === item.id ? (
            // The confirmation is spent: an item restored later under the same id asks again.
            <button
              type="button"
              class="danger"
              onClick={() => {
                setConfirming(null);
                onDelete(item.id);
              }}
            >
              {t('confirmDelete')}
            </button>
          ) : (
            <button type="button" onClick={() => setConfirming(item.id)} aria-label={t('deleteNamed', item.title)}>
              {t('delete')}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
