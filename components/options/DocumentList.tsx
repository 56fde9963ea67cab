/** The reader's documents, each with a link into the source reader and a two-step delete. */
import { useState } from 'preact/hooks';
import type { DocumentInfo } from '../../lib/corpus/types';
import { t } from '../../lib/i18n';

export function DocumentList({ documents, readerHref, onDelete }: { documents: readonly DocumentInfo[]; readerHref(docId: string): string; onDelete(docId: string): void }) {
  const [confirming, setConfirming] = useState<string | null>(null);
  if (documents.length === 0) return <p class="empty">{t('noUserDocuments')}</p>;
  return (
    <ul class="items documents">
      {documents.map((d) => (
        <li key={d.id} data-doc={d.id}>
          <span class="what">
            <a href={readerHref(d.id)} target="_blank" rel="noopener">
              {d.title}
            </a>
            <span class="meta">{[d.outlet ?? t('outletNotStated'), d.date ?? t('undatedShort'), d.file].filter(Boolean).join(' · ')}</span>
          </span>
          {confirming === d.id ? (
            <button type="button" class="danger" onClick={() => onDelete(d.id)}>
              {t('confirmDelete')}
            </button>
          ) : (
            <button type="button" onClick={() => setConfirming(d.id)} aria-label={t('deleteNamed', d.title)}>
              {t('delete')}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
