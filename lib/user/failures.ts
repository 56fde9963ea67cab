/**
 * What the options page tells the reader when a job wrote nothing (lib/user/jobs.ts JobFailure): each
 * refusal's problem in the reader's words, with the limit or the place it concerns; and how a restored
 * backup's settings merge with the reader's.
 */
import { t, type MessageKey } from '../i18n';
import { MAX_PACK_BYTES, PACK_FORMAT } from '../packs/format';
import type { PackProblem } from '../packs/read';
import { Refused } from '../refused';
import type { Preferences } from '../settings';
import { MAX_BACKUP_BYTES, type BackupProblem, type BackupSettings } from './backup';
import { MAX_DOCUMENT_BYTES, type DocumentProblem } from './document-text';
import type { EntryProblem } from './entries';
import { Cancelled } from './job-control';
import type { JobFailure } from './jobs';
import { MAX_PDF_BYTES } from './pdf';

/** A size as the reader reads it: "820 KB", "4.8 MB". */
export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Each refusal's message; `detail` says where in the file, or what the refusal concerns. */
const DOCUMENT_PROBLEMS: Record<DocumentProblem, (detail: string) => string> = {
  tooLarge: () => t('docTooLarge', formatSize(MAX_DOCUMENT_BYTES)),
  pdfTooLarge: () => t('docPdfTooLarge', formatSize(MAX_PDF_BYTES)),
  duplicate: (title) => t('docDuplicate', title),
  empty: () => t('docEmpty'),
  binary: () => t('docBinary'),
  notUtf8: () => t('docNotUtf8'),
  noText: () => t('docNoText'),
  noTextLayer: () => t('docNoTextLayer'),
  pdfUnreadable: () => t('docPdfUnreadable'),
};
const ENTRY_PROBLEMS: Record<EntryProblem, MessageKey> = {
  noName: 'entryNoName',
  tooLong: 'entryTooLong',
  badKind: 'entryBadKind',
  badLabel: 'entryBadLabel',
  nameTaken: 'entryNameTaken',
};
const BACKUP_PROBLEMS: Record<BackupProblem, (where: string) => string> = {
  tooLarge: () => t('backupTooLarge', formatSize(MAX_BACKUP_BYTES)),
  notJson: (where) => t('backupNotJson', where),
  notBackup: (where) => t('backupNotBackup', where),
  newerVersion: (where) => t('backupNewer', where),
  malformed: (where) => t('backupMalformed', where),
};
const PACK_PROBLEMS: Record<PackProblem, (detail: string) => string> = {
  tooLarge: () => t('packTooLarge', formatSize(MAX_PACK_BYTES)),
  notPack: () => t('packNotPack'),
  damaged: () => t('packDamaged'),
  newerFormat: (format) => t('packNewerFormat', format, PACK_FORMAT),
  tampered: () => t('packTampered'),
  malformed: (where) => t('packMalformed', where),
  quoteNotInDocuments: (where) => t('packQuoteNotInDocuments', where),
  builtIn: (title) => t('packBuiltInRefused', title),
  notNewer: (version) => t('packNotNewer', version),
};

/** Why a job wrote nothing, in the reader's words. */
export function failureMessage(failure: JobFailure): string {
  switch (failure.kind) {
    case 'document':
      return DOCUMENT_PROBLEMS[failure.problem](failure.detail);
    case 'entry':
      return t(ENTRY_PROBLEMS[failure.problem]);
    case 'backup':
      return BACKUP_PROBLEMS[failure.problem](failure.detail);
    case 'pack':
      return PACK_PROBLEMS[failure.problem](failure.detail);
    case 'cancelled':
      return t('jobCancelled');
    case 'error':
      return t('saveFailed', `${failure.name}: ${failure.message}`);
  }
}

/**
 * A restored backup's settings merged with the reader's: its sites are added to theirs; its
 * preferences are taken only where the reader's are still the defaults, and otherwise the reader's are
 * kept, which the report says (`preferencesKept`).
 */
export function mergeSettings(
  current: BackupSettings,
  restored: BackupSettings,
  defaults: Preferences,
): { settings: BackupSettings; preferencesKept: boolean } {
  const same = (a: Preferences, b: Preferences) => JSON.stringify(a) === JSON.stringify(b);
  const untouched = same(current.preferences, defaults);
  return {
    settings: {
      disabledSites: [...new Set([...current.disabledSites, ...restored.disabledSites])],
      preferences: untouched ? restored.preferences : current.preferences,
    },
    preferencesKept: !untouched && !same(current.preferences, restored.preferences),
  };
}

/** A thrown refusal or error as data for the page. */
export function jobFailure(error: unknown): JobFailure {
  if (error instanceof Cancelled) return { kind: 'cancelled' };
  if (error instanceof Refused && error.refusal.kind !== 'message') return error.refusal;
  const e = error as { name?: string; message?: string };
  return { kind: 'error', name: e?.name ?? 'Error', message: e?.message ?? String(error) };
}
