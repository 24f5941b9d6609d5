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

const EXTENSION = extname(fileURLToPath(import.meta.url));
/** The child's entry, beside this file, with this file's extension (.ts run through swc, or .js built: a worker's dist). */
const CHILD = fileURLToPath(new URL(`./run-child${EXTENSION}`, import.meta.url));
const CHILD_EXEC_ARGV = EXTENSION === '.ts' ? ['--import', '@swc-node/register/esm-register'] : [];
/** How long a run told to stop may take to drop its database before its process is killed. */
const STOP_GRACE_MS = 30_000;

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
  private readonly busy = new Set<ChildProcess>();
  private started = 0;
  private closed = false;

  constructor(private readonly size: number) {}

  run(scenario: Scenario, options: PoolRunOptions): Promise<FinishedRun> {
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(new Error('the run pool is closed'));
      this.waiting.push({ scenario, options, resolve, reject });
      this.next();
    });
  }

  /** Ends the pool's processes. Runs still going are cut short: they fail, and their waiting runs never start. */
  close(): void {
    this.closed = true;
    for (const child of this.idle.splice(0)) child.disconnect();
    for (const task of this.waiting.splice(0)) task.reject(new Error(`the ${task.options.policy} run was cancelled before it started`));
    for (const child of this.busy) {
      child.kill();
      // A run stops at its next event and drops its database; one that does not within the grace is ended.
      setTimeout(() => child.exitCode === null && child.signalCode === null && child.kill('SIGKILL'), STOP_GRACE_MS).unref();
    }
  }

  private next(): void {
    if (this.closed || this.waiting.length === 0) return;
    const child = this.idle.pop() ?? (this.started < this.size ? this.spawn() : undefined);
    if (child) this.give(child, this.waiting.shift()!);
  }

  private spawn(): ChildProcess {
    this.started++;
    return fork(CHILD, [], { execArgv: CHILD_EXEC_ARGV, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  }

  private give(child: ChildProcess, task: Task): void {
    const { onProgress, onStart, ...options } = task.options;
    const settle = (outcome: FinishedRun | Error) => {
      child.off('message', onMessage);
      child.off('exit', onExit);
      this.busy.delete(child);
      if (outcome instanceof Error) {
        task.reject(outcome);
        this.started--;
        child.kill();
      } else {
        task.resolve(outcome);
        if (this.closed) child.disconnect();
        else this.idle.push(child);
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
    this.busy.add(child);
    child.send({ scenario: task.scenario, options });
    onStart?.();
  }
}
