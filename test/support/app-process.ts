import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import type { AppConfig } from '@app/config';
import type { TestContext } from './test-context.js';
import { waitFor } from './wait-for.js';

export type AppName = 'api' | 'worker';

/** A real entry point (apps/<app>/src/main.ts) as a child process on a test file's database and queues. */
export interface AppProcess {
  child: ChildProcess;
  /** Where it answers over HTTP: the api's port, or the worker's health port. */
  url: string;
  /** Sends `signal` and resolves once the process has exited. */
  kill(signal: NodeJS.Signals): Promise<void>;
  /** For teardown: SIGTERM, then SIGKILL if it is still there after a few seconds. */
  stop(): Promise<void>;
}

export type WorkerProcess = AppProcess;

const PORT_VARIABLE: Record<AppName, string> = { api: 'PORT', worker: 'WORKER_HEALTH_PORT' };
const STOP_GRACE_MS = 10_000;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts the api or the worker on `config`'s database, Redis, queue prefix and secrets; resolves once its /health/ready answers 200. */
export async function startAppProcess(app: AppName, config: AppConfig, env: Record<string, string> = {}): Promise<AppProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', `apps/${app}/src/main.ts`], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      [PORT_VARIABLE[app]]: String(port),
      DATABASE_URL: config.database.url,
      REDIS_URL: config.redis.url,
      QUEUE_PREFIX: config.redis.queuePrefix,
      JWT_SECRET: config.auth.jwtSecret,
      ADMIN_PASSWORD: config.auth.adminPassword,
      ...(config.sandbox.key === undefined ? {} : { SANDBOX_KEY: config.sandbox.key }),
      LOG_LEVEL: 'silent',
      LOG_PRETTY: 'false',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  try {
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`the ${app} exited (${child.exitCode}): ${stderr}`);
        return fetch(`${url}/health/ready`).then((response) => response.ok, () => false);
      },
      { timeoutMs: 60_000, intervalMs: 100, what: `the ${app} to be ready` },
    );
  } catch (error) {
    await kill('SIGKILL');
    throw error;
  }
  return {
    child,
    url,
    kill,
    stop: async () => {
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await kill('SIGTERM');
      clearTimeout(timer);
    },
  };
}

/** The worker on the test file's config (`env` as given to useTestContext, so both agree). */
export const startWorkerProcess = (ctx: TestContext, env: Record<string, string> = {}): Promise<WorkerProcess> =>
  startAppProcess('worker', ctx.config, env);
