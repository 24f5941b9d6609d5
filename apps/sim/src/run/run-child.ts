// A child process that runs scenarios for its parent, one at a time (run-pool.ts).
import 'reflect-metadata';
import type { Scenario } from '../scenario/scenario.schema.js';
import type { ChildMessage } from './run-pool.js';
import { runScenario, type RunOptions } from './run-scenario.js';

const send = (message: ChildMessage): Promise<void> =>
  new Promise((resolve) => (process.connected ? process.send!(message, () => resolve()) : resolve()));

const stopping = new AbortController();
/** The run going on, settled: a stop waits for it to drop its database. */
let running: Promise<unknown> = Promise.resolve();

process.on('message', ({ scenario, options }: { scenario: Scenario; options: Omit<RunOptions, 'onProgress' | 'signal'> }) => {
  const run = runScenario(scenario, { ...options, signal: stopping.signal, onProgress: (day, date, events) => void send({ kind: 'progress', day, date, events }) });
  running = run.catch(() => undefined);
  run.then(
    (finished) => send({ kind: 'done', run: finished }),
    (error: unknown) => send({ kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});

/**
 * Told to stop (the pool closed mid-run), or the parent is gone (a worker killed mid-comparison):
 * nobody will take the result. The run stops at its next event and drops its database, then the
 * process ends.
 */
const stop = () => {
  if (stopping.signal.aborted) return;
  stopping.abort();
  void running.finally(() => process.exit(0));
};
// Kept after the first: a second signal must not end the process before its database is dropped.
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('disconnect', stop);
