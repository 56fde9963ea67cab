/**
 * The options page's side of its worker (user-data-worker.ts): starts a job, follows its progress,
 * and cancels it. One worker serves the page; it starts with the first job.
 */
import type { FromWorker, JobFailure, JobProgress, JobRequest, JobResult } from '../../lib/user/jobs';
import UserDataWorker from './user-data-worker?worker';

/** A job that ended without writing anything; `failure` says why. */
export class JobFailed extends Error {
  constructor(readonly failure: JobFailure) {
    super(failure.kind === 'error' ? `${failure.name}: ${failure.message}` : failure.kind);
    this.name = 'JobFailed';
  }
}

export interface RunningJob {
  /** The job's result, or JobFailed. */
  result: Promise<JobResult>;
  cancel(): void;
}

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<
  number,
  { progress(p: JobProgress): void; done(r: JobResult): void; failed(f: JobFailure): void }
>();

function theWorker(): Worker {
  if (!worker) {
    worker = new UserDataWorker();
    worker.addEventListener('message', ({ data }: MessageEvent<FromWorker>) => {
      const job = waiting.get(data.id);
      if (!job) return;
      if (data.type === 'progress') return job.progress(data.progress);
      waiting.delete(data.id);
      if (data.type === 'done') job.done(data.result);
      else job.failed(data.failure);
    });
  }
  return worker;
}

export function startJob(request: JobRequest, onProgress: (progress: JobProgress) => void = () => {}): RunningJob {
  const id = nextId++;
  const target = theWorker();
  const result = new Promise<JobResult>((resolve, reject) => {
    waiting.set(id, { progress: onProgress, done: resolve, failed: (failure) => reject(new JobFailed(failure)) });
  });
  target.postMessage({ id, type: 'run', request });
  return { result, cancel: () => target.postMessage({ id, type: 'cancel' }) };
}
