/**
 * Every write to the reader's data, as a job the options page hands to its worker
 * (entrypoints/options/user-data-worker.ts), so that reading, parsing, splitting, finding mentions
 * and storing never run on the page's own thread. A job reports real progress (bytes read, characters
 * parsed, paragraphs scanned) and can be cancelled until its transaction begins: a cancelled job has
 * written nothing. Plain logic over a Dexie database, so tests run it without a worker.
 */
import type { DocumentInfo, Entry } from '../corpus/types';
import { LAST_ID, type GlossDatabase } from '../store/db';
import { BackupRefused, exportBackup, MAX_BACKUP_BYTES, mergeBackup, parseBackup, type BackupProblem, type BackupSettings, type MergeReport } from './backup';
import { decodeDocument, documentFormat, documentText, DocumentRefused, MAX_DOCUMENT_BYTES, type DocumentProblem, type Progress } from './document-text';
import type { SteadyPace } from './derived';
import { addUserEntry, deleteUserEntry, EntryRefused, type EntryInput, type EntryProblem } from './entries';
import { deleteUserDocument, documentInfo, prepareDocument, storeDocument, type DocumentDetails } from './store';

export type JobRequest =
  | { kind: 'import'; file: Blob; fileName: string; mimeType: string; details: DocumentDetails; allowDuplicate: boolean }
  | { kind: 'addEntry'; input: EntryInput }
  | { kind: 'deleteEntry'; entryId: string }
  | { kind: 'deleteDocument'; docId: string }
  | { kind: 'restore'; file: Blob }
  | { kind: 'export'; settings: BackupSettings };

export type JobResult =
  | { kind: 'import'; document: DocumentInfo; paragraphs: number; mentions: number }
  | { kind: 'addEntry'; entry: Entry; mentions: number }
  | { kind: 'deleted' }
  | { kind: 'restore'; report: MergeReport; settings: BackupSettings }
  | { kind: 'export'; file: Blob; fileName: string };

/** What a job is doing: reading (bytes), parsing (characters), checking a backup (paragraphs), finding mentions (paragraphs or documents), saving. */
export type JobStage = 'reading' | 'parsing' | 'checking' | 'finding' | 'saving';
export interface JobProgress {
  stage: JobStage;
  done: number;
  total: number;
}

/** Why a job wrote nothing, as plain data (errors do not cross to the page whole). */
export type JobFailure =
  | { kind: 'document'; problem: DocumentProblem; existing?: DocumentInfo }
  | { kind: 'entry'; problem: EntryProblem }
  | { kind: 'backup'; problem: BackupProblem; where: string }
  | { kind: 'cancelled' }
  | { kind: 'error'; name: string; message: string };

/** Messages between the options page and its worker. */
export type ToWorker = { id: number; type: 'run'; request: JobRequest } | { id: number; type: 'cancel' };
export type FromWorker =
  | { id: number; type: 'progress'; progress: JobProgress }
  | { id: number; type: 'done'; result: JobResult }
  | { id: number; type: 'failed'; failure: JobFailure };

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

/** How a running job talks to whoever started it. */
export interface JobControl {
  report(progress: JobProgress): void;
  cancelled(): boolean;
}

/** Longest stretch of work between two pauses that let a cancel through. */
const PAUSE_AFTER_MS = 30;

/** Progress for one stage, pausing now and then so a cancel message can arrive (outside transactions only). */
function pacer(control: JobControl, stage: JobStage): Progress {
  let since = Date.now();
  return async (done, total) => {
    control.report({ stage, done, total });
    if (Date.now() - since > PAUSE_AFTER_MS) {
      await new Promise((resume) => setTimeout(resume, 0));
      since = Date.now();
    }
    if (control.cancelled()) throw new Cancelled();
  };
}

/** Progress inside a transaction: reported, and a cancel that arrived between two requests honoured, never a pause. */
function steadyPacer(control: JobControl, stage: JobStage): SteadyPace {
  return (done, total) => {
    control.report({ stage, done, total });
    if (control.cancelled()) throw new Cancelled();
  };
}

/** Bytes read between two progress reports. */
const READ_PIECE = 1024 * 1024;

/** A file's bytes, read in pieces with progress. */
async function readBytes(file: Blob, progress: Progress): Promise<Uint8Array> {
  const bytes = new Uint8Array(file.size);
  for (let at = 0; at < file.size; at += READ_PIECE) {
    await progress(at, file.size);
    bytes.set(new Uint8Array(await file.slice(at, at + READ_PIECE).arrayBuffer()), at);
  }
  await progress(file.size, file.size);
  return bytes;
}

async function importDocument(db: GlossDatabase, request: Extract<JobRequest, { kind: 'import' }>, control: JobControl): Promise<JobResult> {
  if (request.file.size > MAX_DOCUMENT_BYTES) throw new DocumentRefused('tooLarge');
  const bytes = await readBytes(request.file, pacer(control, 'reading'));
  const raw = await decodeDocument(bytes, pacer(control, 'reading'));
  const { text, title } = await documentText(documentFormat(request.fileName, request.mimeType, raw), raw, pacer(control, 'parsing'));
  const info = documentInfo(request.details, request.fileName, title);
  const prepared = await prepareDocument(db, info, text, request.allowDuplicate, pacer(control, 'finding'));
  control.report({ stage: 'saving', done: 0, total: 1 });
  const mentions = await storeDocument(db, prepared, request.allowDuplicate);
  return { kind: 'import', document: info, paragraphs: prepared.paragraphs.length, mentions };
}

async function restore(db: GlossDatabase, file: Blob, control: JobControl): Promise<JobResult> {
  if (file.size > MAX_BACKUP_BYTES) throw new BackupRefused('tooLarge');
  const text = new TextDecoder().decode(await readBytes(file, pacer(control, 'reading')));
  const backup = await parseBackup(text, pacer(control, 'checking'));
  const report = await mergeBackup(db, backup, pacer(control, 'finding'), () => control.report({ stage: 'saving', done: 0, total: 1 }));
  return { kind: 'restore', report, settings: backup.settings };
}

/** How many times an entry is mentioned, by the documents-per-entry index. */
async function mentionCount(db: GlossDatabase, entryId: string): Promise<number> {
  const rows = await db.userEntryDocuments.where('[entryId+docId]').between([entryId, ''], [entryId, LAST_ID], true, true).toArray();
  return rows.reduce((sum, row) => sum + row.mentions, 0);
}

/** Runs one job to its end; throws what refused it (DocumentRefused, EntryRefused, BackupRefused, Cancelled, or a storage error). */
export async function runJob(db: GlossDatabase, request: JobRequest, control: JobControl): Promise<JobResult> {
  switch (request.kind) {
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

/** A thrown refusal or error as data for the page. */
export function jobFailure(error: unknown): JobFailure {
  if (error instanceof Cancelled) return { kind: 'cancelled' };
  if (error instanceof DocumentRefused) return { kind: 'document', problem: error.problem, ...(error.existing ? { existing: error.existing } : {}) };
  if (error instanceof EntryRefused) return { kind: 'entry', problem: error.problem };
  if (error instanceof BackupRefused) return { kind: 'backup', problem: error.problem, where: error.where };
  const e = error as { name?: string; message?: string };
  return { kind: 'error', name: e?.name ?? 'Error', message: e?.message ?? String(error) };
}
