import { fork, type ChildProcess } from 'node:child_process';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProgressListener } from '../engine/simulation.js';
import type { Scenario } from '../scenario/scenario.schema.js';
import type { FinishedRun, RunOptions } from './run-scenario.js';

/** What a run's process tells the pool. */
export type ChildMessage =
  | { kind: 'progress'; day: number; date: string; events: number }
  | { kind: 'done'; run: FinishedRun }
  | { kind: 'failed'; message: string };

/** `onStart`: the run has a process and begins (it may wait for one first). */
export type PoolRunOptions = Omit<RunOptions, 'onProgress'> & { onProgress?: ProgressListener; onStart?: () => void };

/** The child's entry, beside this file, with this file's extension (.ts run through swc, or .js built). */
const CHILD = fileURLToPath(new URL(`./run-child${extname(fileURLToPath(import.meta.url))}`, import.meta.url));

interface Task {
  scenario: Scenario;
  options: PoolRunOptions;
  resolve(run: FinishedRun): void;
  reject(error: Error): void;
}

/**
 * Runs side by side (`compare`), each in a Node process of the pool, at most `size` at once; a
 * process takes the next run when its run ends. A run keeps its JavaScript thread busy about half
 * the time (the rest it waits on PostgreSQL), so runs sharing one process queue for its one thread,
 * while processes use every core (bench/README.md, "sim"). A process loads the product once
 * (about 5 CPU-seconds) for all the runs it takes.
 */
export class RunPool {
  private readonly waiting: Task[] = [];
  private readonly idle: ChildProcess[] = [];
  private started = 0;

  constructor(private readonly size: number) {}

  run(scenario: Scenario, options: PoolRunOptions): Promise<FinishedRun> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ scenario, options, resolve, reject });
      this.next();
    });
  }

  /** Ends the pool's processes; call it once every run has ended. */
  close(): void {
    for (const child of this.idle.splice(0)) child.disconnect();
  }

  private next(): void {
    if (this.waiting.length === 0) return;
    const child = this.idle.pop() ?? (this.started < this.size ? this.spawn() : undefined);
    if (child) this.give(child, this.waiting.shift()!);
  }

  private spawn(): ChildProcess {
    this.started++;
    return fork(CHILD, [], { execArgv: ['--import', '@swc-node/register/esm-register'], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  }

  private give(child: ChildProcess, task: Task): void {
    const { onProgress, onStart, ...options } = task.options;
    const settle = (outcome: FinishedRun | Error) => {
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (outcome instanceof Error) {
        task.reject(outcome);
        this.started--;
        child.kill();
      } else {
        task.resolve(outcome);
        this.idle.push(child);
      }
      this.next();
    };
    const onMessage = (message: ChildMessage) => {
      if (message.kind === 'progress') onProgress?.(message.day, message.date, message.events);
      else if (message.kind === 'done') settle(message.run);
      else settle(new Error(`the ${options.policy} run failed: ${message.message}`));
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      settle(new Error(`the ${options.policy} run's process ended without a result (${signal ?? `exit code ${code}`})`));
    child.on('message', onMessage);
    child.on('exit', onExit);
    child.send({ scenario: task.scenario, options });
    onStart?.();
  }
}
