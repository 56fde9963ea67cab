/**
 * How a job of the options page's worker reports its progress and learns that the reader cancelled
 * it (lib/user/jobs.ts runs the jobs; lib/packs/jobs.ts those of packs). Outside a transaction a job
 * pauses now and then so a cancel can arrive; inside one it never pauses (a transaction ends at the
 * first pause), and a cancel makes it throw, which rolls the transaction back.
 */
import type { Progress } from './document-text';
import type { SteadyPace } from './derived';

/**
 * What a job is doing: reading (bytes), parsing (characters, or a PDF's pages), checking a backup or a pack's quotes
 * against its documents (paragraphs, items), finding mentions (paragraphs or documents), installing a pack (rows
 * written), saving.
 */
export type JobStage = 'reading' | 'parsing' | 'checking' | 'checkingPack' | 'finding' | 'installing' | 'saving';
export interface JobProgress {
  stage: JobStage;
  done: number;
  total: number;
}

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
export function pacer(control: JobControl, stage: JobStage): Progress {
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
export function steadyPacer(control: JobControl, stage: JobStage): SteadyPace {
  return (done, total) => {
    control.report({ stage, done, total });
    if (control.cancelled()) throw new Cancelled();
  };
}

/** Bytes read between two progress reports. */
const READ_PIECE = 1024 * 1024;

/** A file's bytes, read in pieces with progress. */
export async function readBytes(file: Blob, progress: Progress): Promise<Uint8Array> {
  const bytes = new Uint8Array(file.size);
  for (let at = 0; at < file.size; at += READ_PIECE) {
    await progress(at, file.size);
    bytes.set(new Uint8Array(await file.slice(at, at + READ_PIECE).arrayBuffer()), at);
  }
  await progress(file.size, file.size);
  return bytes;
}
