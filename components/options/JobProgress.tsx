/**
 * The progress of a job of the options page's worker: what it is doing, how far it has come (bytes,
 * characters or paragraphs, never a guess), and a Cancel button while cancelling can still leave
 * everything as it was (not once saving has begun).
 */
import { t } from '../../lib/i18n';
import { formatSize } from '../../lib/user/failures';
import type { JobProgress } from '../../lib/user/jobs';
import { Outcome } from './Outcome';

/** Where a job of the options page stands: running, then done or refused (the message says what or why). */
export type JobStatus =
  | { kind: 'idle' }
  | { kind: 'working'; progress: JobProgress | null }
  | { kind: 'done'; message: string }
  | { kind: 'refused'; message: string };

const percent = (p: JobProgress) => String(p.total ? Math.floor((100 * p.done) / p.total) : 0);

function describe(p: JobProgress | null): string {
  if (!p) return t('working');
  switch (p.stage) {
    case 'reading':
      return t('jobReading', formatSize(p.done), formatSize(p.total));
    case 'parsing':
      return t('jobParsing', percent(p));
    case 'checking':
      return t('jobChecking', percent(p));
    case 'checkingPack':
      return t('jobCheckingPack', percent(p));
    case 'finding':
      return t('jobFinding', percent(p));
    case 'installing':
      return t('jobInstalling', percent(p));
    case 'saving':
      return t('jobSaving');
  }
}

export function JobProgressView({ progress, onCancel }: { progress: JobProgress | null; onCancel(): void }) {
  const saving = progress?.stage === 'saving';
  const text = describe(progress);
  return (
    <div class="job" aria-live="polite">
      {progress && !saving ? (
        <progress max={progress.total || 1} value={progress.done} aria-label={text} />
      ) : (
        <progress aria-label={text} />
      )}
      <span class="job-stage">{text}</span>
      {!saving && (
        <button type="button" class="cancel" onClick={onCancel}>
          {t('cancel')}
        </button>
      )}
    </div>
  );
}

/** A job's state under its form: its progress with Cancel while it runs, then its outcome. */
export function JobState({ status, onCancel }: { status: JobStatus; onCancel(): void }) {
  if (status.kind === 'working') return <JobProgressView progress={status.progress} onCancel={onCancel} />;
  return status.kind === 'idle' ? null : <Outcome refused={status.kind === 'refused'}>{status.message}</Outcome>;
}
