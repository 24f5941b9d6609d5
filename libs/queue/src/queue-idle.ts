import type { Queue } from 'bullmq';

/** No job of the queue waits, runs or waits to be retried (finished and failed ones do not count). */
export async function queueIdle(queue: Queue): Promise<boolean> {
  const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
  return Object.values(counts).every((count) => count === 0);
}
