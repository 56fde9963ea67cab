/**
 * Every write to the reader's data and to the installed packs, as a job the options page hands to its worker
 * (entrypoints/options/user-data-worker.ts), so that reading, parsing, splitting, finding mentions
 * and storing never run on the page's own thread. A job reports real progress (bytes read, characters
 * parsed, paragraphs scanned) and can be cancelled until its transaction begins: a cancelled job has
 * written nothing. Plain logic over a Dexie database, so tests run it without a worker.
 */
import type { DocumentInfo, Entry, PageStart } from '../corpus/types';
import { LAST_ID, type GlossDatabase } from '../store/db';
import {
  exportBackup,
  MAX_BACKUP_BYTES,
  mergeBackup,
  parseBackup,
  type BackupSettings,
  type MergeReport,
} from './backup';
import { decodeDocument, documentFormat, documentText, MAX_DOCUMENT_BYTES } from './document-text';
import { addUserEntry, deleteUserEntry, type EntryInput } from './entries';
import { isPdf, MAX_PDF_BYTES, namedPdf, pdfDocumentText } from './pdf';
import { deleteUserDocument, documentInfo, prepareDocument, storeDocument, type DocumentDetails } from './store';
import { pacer, readBytes, steadyPacer, type JobControl, type JobProgress } from './job-control';

import { runPackJob, type PackJobRequest, type PackJobResult } from '../packs/jobs';
import { refuse, type Refusal } from '../refused';

export type { JobControl, JobProgress, JobStage } from './job-control';

export type JobRequest =
  | PackJobRequest
  | {
      kind: 'import';
      file: Blob;
      fileName: string;
      mimeType: string;
      details: DocumentDetails;
      allowDuplicate: boolean;
    }
  | { kind: 'addEntry'; input: EntryInput }
  | { kind: 'deleteEntry'; entryId: string }
  | { kind: 'deleteDocument'; docId: string }
  | { kind: 'restore'; file: Blob }
  | { kind: 'export'; settings: BackupSettings };

export type JobResult =
  | PackJobResult
  | { kind: 'import'; document: DocumentInfo; paragraphs: number; mentions: number }
  | { kind: 'addEntry'; entry: Entry; mentions: number }
  | { kind: 'deleted' }
  | { kind: 'restore'; report: MergeReport; settings: BackupSettings }
  | { kind: 'export'; file: Blob; fileName: string };

/** Why a job wrote nothing, as plain data (errors do not cross to the page whole): what refused it, or else. */
export type JobFailure =
  Exclude<Refusal, { kind: 'message' }> | { kind: 'cancelled' } | { kind: 'error'; name: string; message: string };

/** Messages between the options page and its worker. */
export type ToWorker = { id: number; type: 'run'; request: JobRequest } | { id: number; type: 'cancel' };
export type FromWorker =
  | { id: number; type: 'progress'; progress: JobProgress }
  | { id: number; type: 'done'; result: JobResult }
  | { id: number; type: 'failed'; failure: JobFailure };

/** A file's reading text (one paragraph per line), its own title, and a PDF's pages. */
async function readDocumentFile(
  request: Extract<JobRequest, { kind: 'import' }>,
  control: JobControl,
): Promise<{ text: string; title: string | null; pages?: PageStart[] }> {
  const pdf = namedPdf(request.fileName, request.mimeType);
  if (request.file.size > (pdf ? MAX_PDF_BYTES : MAX_DOCUMENT_BYTES))
    throw refuse.document(pdf ? 'pdfTooLarge' : 'tooLarge');
  const bytes = await readBytes(request.file, pacer(control, 'reading'));
  if (isPdf(bytes)) {
    const read = await pdfDocumentText(bytes, pacer(control, 'parsing'));
    if (read.text.length > MAX_DOCUMENT_BYTES) throw refuse.document('tooLarge');
    return read;
  }
  const raw = await decodeDocument(bytes, pacer(control, 'reading'));
  return documentText(documentFormat(request.fileName, request.mimeType, raw), raw, pacer(control, 'parsing'));
}

async function importDocument(
  db: GlossDatabase,
  request: Extract<JobRequest, { kind: 'import' }>,
  control: JobControl,
): Promise<JobResult> {
  const { text, title, pages } = await readDocumentFile(request, control);
  const info = documentInfo(request.details, request.fileName, title, pages);
  const prepared = await prepareDocument(db, info, text, request.allowDuplicate, pacer(control, 'finding'));
  control.report({ stage: 'saving', done: 0, total: 1 });
  const mentions = await storeDocument(db, prepared, request.allowDuplicate);
  return { kind: 'import', document: info, paragraphs: prepared.paragraphs.length, mentions };
}

async function restore(db: GlossDatabase, file: Blob, control: JobControl): Promise<JobResult> {
  if (file.size > MAX_BACKUP_BYTES) throw refuse.backup('tooLarge');
  const text = new TextDecoder().decode(await readBytes(file, pacer(control, 'reading')));
  const backup = await parseBackup(text, pacer(control, 'checking'));
  const report = await mergeBackup(db, backup, pacer(control, 'finding'), () =>
    control.report({ stage: 'saving', done: 0, total: 1 }),
  );
  return { kind: 'restore', report, settings: backup.settings };
}

/** How many times an entry is mentioned, by the documents-per-entry index. */
async function mentionCount(db: GlossDatabase, entryId: string): Promise<number> {
  const rows = await db.userEntryDocuments
    .where('[entryId+docId]')
    .between([entryId, ''], [entryId, LAST_ID], true, true)
    .toArray();
  return rows.reduce((sum, row) => sum + row.mentions, 0);
}

/** Runs one job to its end; throws what refused it (DocumentRefused, Cancelled, or a storage error). */
export async function runJob(db: GlossDatabase, request: JobRequest, control: JobControl): Promise<JobResult> {
  switch (request.kind) {
    case 'installPack':
    case 'setPackEnabled':
    case 'removePack':
      return runPackJob(db, request, control);
    case 'import':
      return importDocument(db, request, control);
    case 'addEntry': {
      const entry = await addUserEntry(db, request.input, steadyPacer(control, 'finding'));
      return { kind: 'addEntry', entry, mentions: await mentionCount(db, entry.id) };
    }
    case 'deleteEntry':
      await deleteUserEntry(db, request.entryId);
      return { kind: 'deleted' };
    case 'deleteDocument':
      await deleteUserDocument(db, request.docId);
      return { kind: 'deleted' };
    case 'restore':
      return restore(db, request.file, control);
    case 'export': {
      const backup = await exportBackup(db, request.settings);
      const file = new Blob([JSON.stringify(backup, null, 1)], { type: 'application/json' });
      return { kind: 'export', file, fileName: `gloss-backup-${backup.exportedAt.slice(0, 10)}.json` };
    }
  }
}
