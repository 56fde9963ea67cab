/**
 * The options page's worker: runs every write to the reader's data (lib/user/jobs.ts) off the page's
 * thread, so the page answers the reader at once however large the file. Several jobs may run at
 * once; each reports its progress and can be cancelled by its id.
 */
import { GlossDatabase } from '../../lib/store/db';
import { jobFailure, runJob, type FromWorker, type ToWorker } from '../../lib/user/jobs';

const db = new GlossDatabase();
const cancelled = new Set<number>();
const post = (message: FromWorker) => postMessage(message);

addEventListener('message', async ({ data }: MessageEvent<ToWorker>) => {
  const { id } = data;
  if (data.type === 'cancel') {
    cancelled.add(id);
    return;
  }
  try {
    const result = await runJob(db, data.request, { report: (progress) => post({ id, type: 'progress', progress }), cancelled: () => cancelled.has(id) });
    post({ id, type: 'done', result });
  } catch (error) {
    post({ id, type: 'failed', failure: jobFailure(error) });
  } finally {
    cancelled.delete(id);
  }
});
