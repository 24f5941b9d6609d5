import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import type { TestContext } from './test-context.js';
import { TEST_ADMIN_PASSWORD } from './test-config.js';
import { waitFor } from './wait-for.js';

/** The real worker (apps/worker/src/main.ts) as a child process on the test file's database and queues. */
export interface WorkerProcess {
  child: ChildProcess;
  kill(signal: NodeJS.Signals): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts a worker and resolves once its /health/ready answers 200. */
export async function startWorkerProcess(ctx: TestContext, env: Record<string, string> = {}): Promise<WorkerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', 'apps/worker/src/main.ts'], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      WORKER_HEALTH_PORT: String(port),
      DATABASE_URL: ctx.config.database.url,
      REDIS_URL: ctx.config.redis.url,
      QUEUE_PREFIX: ctx.config.redis.queuePrefix,
      JWT_SECRET: ctx.config.auth.jwtSecret,
      ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
      LOG_LEVEL: 'silent',
      LOG_PRETTY: 'false',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`worker exited (${child.exitCode}): ${stderr}`);
      return fetch(`http://127.0.0.1:${port}/health/ready`).then((response) => response.ok, () => false);
    },
    { timeoutMs: 60_000, intervalMs: 100, what: 'the worker to be ready' },
  );
  return {
    child,
    kill: async (signal) => {
      if (child.exitCode === null) child.kill(signal);
      await exited;
    },
  };
}
