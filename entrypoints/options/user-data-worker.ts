/**
 * The options page's worker: runs every write to the reader's data (lib/user/jobs.ts) off the page's
 * thread, so the page answers the reader at once however large the file. Several jobs may run at
 * once; each reports its progress and can be cancelled by its id.
 */
import { GlossDatabase } from '../../lib/store/db';
import { runJob, type FromWorker, type JobProgress, type ToWorker } from '../../lib/user/jobs';
import { jobFailure } from '../../lib/user/failures';

const db = new GlossDatabase();
const PROGRESS_EVERY_MS = 100;
const cancelled = new Set<number>();
const post = (message: FromWorker) => postMessage(message);

addEventListener('message', async ({ data }: MessageEvent<ToWorker>) => {
  const { id } = data;
  if (data.type === 'cancel') {
    cancelled.add(id);
    return;
  }
  // Progress at most every PROGRESS_EVERY_MS (and at each new stage): each report redraws the page.
  let last = { stage: '', at: 0 };
  const report = (progress: JobProgress) => {
    const now = performance.now();
    if (progress.stage === last.stage && now - last.at < PROGRESS_EVERY_MS) return;
    last = { stage: progress.stage, at: now };
    post({ id, type: 'progress', progress });
  };
  try {
    const result = await runJob(db, data.request, { report, cancelled: () => cancelled.has(id) });
    post({ id, type: 'done', result });
  } catch (error) {
    post({ id, type: 'failed', failure: jobFailure(error) });
  } finally {
    cancelled.delete(id);
  }
});
