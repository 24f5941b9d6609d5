// A child process that runs scenarios for its parent, one at a time (run-pool.ts).
import 'reflect-metadata';
import type { Scenario } from '../scenario/scenario.schema.js';
import type { ChildMessage } from './run-pool.js';
import { runScenario, type RunOptions } from './run-scenario.js';

const send = (message: ChildMessage): Promise<void> => new Promise((resolve) => process.send!(message, () => resolve()));

process.on('message', async ({ scenario, options }: { scenario: Scenario; options: Omit<RunOptions, 'onProgress'> }) => {
  try {
    const run = await runScenario(scenario, { ...options, onProgress: (day, date, events) => void send({ kind: 'progress', day, date, events }) });
    await send({ kind: 'done', run });
  } catch (error) {
    await send({ kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
