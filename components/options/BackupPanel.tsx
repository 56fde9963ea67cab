/** Export everything the reader added to one file, and merge a file back in (with progress and Cancel). */
import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { JobProgress } from '../../lib/user/jobs';
import { JobProgressView } from './JobProgress';
import { Outcome } from './Outcome';

export type BackupStatus =
  | { kind: 'idle' }
  | { kind: 'working'; progress: JobProgress | null }
  | { kind: 'exported'; href: string; fileName: string }
  | { kind: 'imported'; message: string; conflicts: string[] }
  | { kind: 'refused'; message: string };

export function BackupPanel({
  status,
  onExport,
  onImport,
  onCancel,
}: {
  status: BackupStatus;
  onExport(): void;
  onImport(file: File): void;
  onCancel(): void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const working = status.kind === 'working';
  return (
    <div class="backup">
      <p>
        <button type="button" class="export" disabled={working} onClick={onExport}>
          {t('exportBackup')}
        </button>{' '}
        {status.kind === 'exported' && (
          <a class="saved" href={status.href} download={status.fileName}>
            {t('saveBackupAgain', status.fileName)}
          </a>
        )}
      </p>
      <form
        class="restore"
        onSubmit={(e) => {
          e.preventDefault();
          if (file) onImport(file);
        }}
      >
        <label class="field">
          <span>{t('restoreBackup')}</span>
          <input
            type="file"
            name="backup"
            accept=".json,application/json"
            onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
          />
        </label>
        <button type="submit" disabled={working || !file}>
          {t('restore')}
        </button>
      </form>
      {working && <JobProgressView progress={status.progress} onCancel={onCancel} />}
      {status.kind === 'imported' && (
        <div class="message" role="status">
          <p>{status.message}</p>
          {status.conflicts.length > 0 && (
            <>
              <p>{t('conflictsKept')}</p>
              <ul class="conflicts">
                {status.conflicts.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {status.kind === 'refused' && <Outcome refused>{status.message}</Outcome>}
    </div>
  );
}
