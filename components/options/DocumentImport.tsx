/**
 * Adding a document: a file (picker or drag and drop) or pasted text, with title, outlet and date.
 * The page does the work (entrypoints/options/main.tsx); this form gathers the input and shows the
 * outcome: progress while it runs (with Cancel), then what was added or why nothing was. The page
 * gives a new form after every document added, so nothing of one document carries over to the next.
 */
import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { FileDrop } from './FileDrop';
import { JobState, type JobStatus } from './JobProgress';

export interface DocumentInput {
  /** The file chosen or dropped; null for pasted text. */
  file: File | null;
  pasted: string;
  title: string;
  outlet: string;
  date: string;
}

/** `duplicate`, when refused: the store already holds this text; the reader may add it again all the same. */
export type ImportStatus = JobStatus & { duplicate?: boolean };

interface DocumentImportProps {
  status: ImportStatus;
  /** `again`: the reader chose to add a text the store already holds. */
  onImport(input: DocumentInput, again: boolean): void;
  onCancel(): void;
}

export function DocumentImport({ status, onImport, onCancel }: DocumentImportProps) {
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState({ pasted: '', title: '', outlet: '', date: '' });
  /** A text field's name, value and what typing in it does. */
  const field = (name: keyof typeof text) => ({
    name,
    value: text[name],
    onInput: ({ currentTarget: { value } }: { currentTarget: { value: string } }) =>
      setText((current) => ({ ...current, [name]: value })),
  });
  const working = status.kind === 'working';
  const submit = (e: Event) => {
    e.preventDefault();
    onImport({ file, ...text }, false);
  };
  return (
    <form class="import" onSubmit={submit}>
      <FileDrop
        name="document"
        accept=".txt,.md,.markdown,.html,.htm,.pdf,text/plain,text/markdown,text/html,application/pdf"
        chooseLabel={t('chooseFile')}
        hint={t('dropHint')}
        chosen={(name) => t('fileChosen', name)}
        file={file}
        onFile={setFile}
      />
      <label class="field">
        <span>{t('orPaste')}</span>
        <textarea rows={4} {...field('pasted')} />
      </label>
      <div class="fields">
        <label class="field">
          <span>{t('documentTitle')}</span>
          <input type="text" {...field('title')} placeholder={t('titlePlaceholder')} />
        </label>
        <label class="field">
          <span>{t('documentOutlet')}</span>
          <input type="text" {...field('outlet')} />
        </label>
        <label class="field">
          <span>{t('documentDate')}</span>
          <input type="date" {...field('date')} />
        </label>
      </div>
      <button type="submit" disabled={working || (!file && !text.pasted.trim())}>
        {t('importDocument')}
      </button>
      <JobState status={status} onCancel={onCancel} />
      {status.kind === 'refused' && status.duplicate && (
        <button type="button" class="add-again" onClick={() => onImport({ file, ...text }, true)}>
          {t('addAgain')}
        </button>
      )}
    </form>
  );
}
