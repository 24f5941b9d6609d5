import { randomUUID } from 'node:crypto';
import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import { round } from './stats.js';

export const BASELINE_JOBS = 100_000;
const ADD_BATCH = 1_000;

/** The notifications queue's job options (NotificationsJobsModule), so only the work differs. */
const JOB_OPTIONS = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: false,
} as const;

/** `product`: the notifications queue's job options; `bare`: BullMQ's defaults (PERFORMANCE.md's raw figures). */
export type BaselineOptions = 'product' | 'bare';

export interface BaselineResult {
  options: BaselineOptions;
  concurrency: number;
  jobs: number;
  addMs: number;
  addJobsPerSecond: number;
  processMs: number;
  processJobsPerSecond: number;
  /** add + process: the raw time for 100,000 jobs to be queued and done. */
  totalMs: number;
}

/**
 * Raw BullMQ: `addBulk` of 100,000 jobs in batches of 1,000 (the worker not yet running, so the
 * add rate is not shared with processing), then a no-op Worker at `concurrency` until every job
 * has completed. Jobs carry the same fields as a fan-out job, with its options or BullMQ's defaults.
 */
export async function rawBullmq(connection: ConnectionOptions, prefix: string, concurrency: number, options: BaselineOptions): Promise<BaselineResult> {
  const name = `raw-${options}-c${concurrency}`;
  const queue = new Queue(name, { connection, prefix, defaultJobOptions: options === 'product' ? JOB_OPTIONS : {} });
  const eventId = randomUUID();
  const requestId = randomUUID();
  const agencyId = randomUUID();
  try {
    const addStart = performance.now();
    for (let done = 0; done < BASELINE_JOBS; done += ADD_BATCH) {
      await queue.addBulk(
        Array.from({ length: ADD_BATCH }, (_, i) => ({
          name: 'fan-out',
          data: { eventId, type: 'request.created', requestId, agencyId, after: randomUUID(), upTo: randomUUID() },
          opts: { jobId: `${eventId}-${done + i}` },
        })),
      );
    }
    const addMs = performance.now() - addStart;

    let completed = 0;
    let finish: () => void = () => undefined;
    const allDone = new Promise<void>((resolve) => (finish = resolve));
    const worker = new Worker(name, async () => null, { connection, prefix, concurrency, autorun: false });
    worker.on('completed', () => {
      if (++completed === BASELINE_JOBS) finish();
    });
    worker.on('error', () => undefined);
    const processStart = performance.now();
    void worker.run();
    await allDone;
    const processMs = performance.now() - processStart;
    await worker.close();
    return {
      options,
      concurrency,
      jobs: BASELINE_JOBS,
      addMs: round(addMs),
      addJobsPerSecond: Math.round(BASELINE_JOBS / (addMs / 1000)),
      processMs: round(processMs),
      processJobsPerSecond: Math.round(BASELINE_JOBS / (processMs / 1000)),
      totalMs: round(addMs + processMs),
    };
  } finally {
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
  }
}
