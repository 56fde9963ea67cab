/**
 * Knowledge packs on the options page: the installed packs (the bundled one first), each switched on
 * or off and, but for the bundled one, removed; and a file (picker or drag and drop) to install or
 * update one, with its progress and Cancel, then what was installed or why nothing was.
 */
import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { PackRow } from '../../lib/store/db';
import { DeletableList } from './DeletableList';
import { FileDrop } from './FileDrop';
import { JobState, type JobStatus } from './JobProgress';

interface PackPanelProps {
  /** Null while the store is read. */
  packs: readonly PackRow[] | null;
  status: JobStatus;
  onInstall(file: File): void;
  onCancel(): void;
  onToggle(packId: string, enabled: boolean): void;
  onRemove(packId: string): void;
}

/** "1.2.0 · by A, B · 1,000 documents, 5,000 entries · licence". */
function packMeta(p: PackRow): string {
  return [p.version, t('packBy', p.authors.join(', ')), t('packCounts', p.documents, p.entries), p.licence].join(' · ');
}

export function PackPanel({ packs, status, onInstall, onCancel, onToggle, onRemove }: PackPanelProps) {
  const [file, setFile] = useState<File | null>(null);
  const working = status.kind === 'working';
  return (
    <>
      <form
        class="install-pack"
        onSubmit={(e) => {
          e.preventDefault();
          if (file) onInstall(file);
        }}
      >
        <FileDrop
          name="pack"
          accept=".gloss,application/json"
          chooseLabel={t('choosePack')}
          hint={t('dropPackHint')}
          chosen={(name) => t('fileChosen', name)}
          file={file}
          onFile={setFile}
        />
        <button type="submit" disabled={working || !file}>
          {t('installPack')}
        </button>
        <JobState status={status} onCancel={onCancel} />
      </form>
      <DeletableList
        className="packs"
        empty={t('noPacks')}
        items={
          packs &&
          packs.map((p) => ({
            id: p.id,
            title: p.title,
            meta: packMeta(p),
            controls: (
              <label class="pack-switch">
                <input
                  type="checkbox"
                  name="enabled"
                  checked={p.enabled}
                  disabled={working}
                  onChange={(e) => onToggle(p.id, e.currentTarget.checked)}
                />
                <span>{t('packOn')}</span>
              </label>
            ),
            ...(p.bundled ? { kept: t('packBuiltIn') } : {}),
          }))
        }
        onDelete={onRemove}
      />
    </>
  );
}
