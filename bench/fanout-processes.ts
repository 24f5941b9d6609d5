import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The api and the worker as child processes, started exactly as in production (`apps/*\/src/main.ts`
 * through the same TypeScript loader `npm run bench` uses): each gets its own event loop and its
 * CPU time can be read from /proc, so on a 2-core machine the figures include the real contention
 * between api, worker, PostgreSQL, Redis and the clients.
 */
export interface Child {
  name: string;
  process: ChildProcess;
  port: number;
  /** The last output lines, shown if the process fails. */
  output: string[];
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface ChildOptions {
  /** Node options after the TypeScript loader (e.g. a preload). */
  nodeArgs?: string[];
  /** An IPC channel to the child (child.process.send), for a preload that takes messages. */
  ipc?: boolean;
}

export function startChild(name: string, entry: string, env: Record<string, string>, port: number, options: ChildOptions = {}): Child {
  const child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', ...(options.nodeArgs ?? []), entry], {
    cwd: process.cwd(),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe', ...(options.ipc ? (['ipc'] as const) : [])],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString().split('\n').filter(Boolean));
    if (output.length > 200) output.splice(0, output.length - 200);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return { name, process: child, port, output };
}

/** Waits for `GET /health/ready` to answer 200 (both processes serve it). */
export async function waitReady(child: Child, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null) break;
    try {
      const response = await fetch(`http://127.0.0.1:${child.port}/health/ready`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${child.name} did not become ready (exit code ${child.process.exitCode}):\n${child.output.slice(-30).join('\n')}`);
}

/** SIGTERM (graceful shutdown), SIGKILL after 20 s. */
export async function stopChild(child: Child): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.process.once('exit', () => resolve()));
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

const TICKS_PER_SECOND = 100;

/** User + system CPU seconds a process has used so far (Linux /proc). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of stat (utime, stime) are at 11 and 12 after the command name.
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** Busy and total CPU seconds of the whole machine so far (all cores, every process). */
export function machineCpu(): { busy: number; total: number } {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const ticks = values.map(Number);
  const idle = ticks[3]! + ticks[4]!;
  const total = ticks.slice(0, 8).reduce((sum, value) => sum + value, 0);
  return { busy: (total - idle) / TICKS_PER_SECOND, total: total / TICKS_PER_SECOND };
}

/** CPU seconds of every PostgreSQL and Redis server process (they run outside this process tree). */
export function serverCpuSeconds(): { postgres: number; redis: number } {
  const sums = { postgres: 0, redis: 0 };
  for (const pid of readdirPids()) {
    let comm: string;
    try {
      comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    } catch {
      continue;
    }
    const kind = comm.startsWith('postgres') ? 'postgres' : comm.startsWith('redis-server') ? 'redis' : undefined;
    if (!kind) continue;
    try {
      sums[kind] += cpuSeconds(pid);
    } catch {
      // exited meanwhile
    }
  }
  return sums;
}

function readdirPids(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
}
