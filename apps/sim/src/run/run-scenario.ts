import { randomBytes } from 'node:crypto';
import { loadConfig, parseConfig, type AppConfig } from '@app/config';
import type { ProfileName } from '@app/policy';
import { unlinkMatching } from '@app/queue';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { Simulation, type ProgressListener } from '../engine/simulation.js';
import { measure, type RunReport } from '../report/measures.js';
import type { Scenario } from '../scenario/scenario.schema.js';
import { createRunDatabase } from './run-database.js';
import { startSimApp } from './sim-app.js';

export interface RunOptions {
  policy: ProfileName;
  /** Keep the run's database for inspection instead of dropping it. */
  keep: boolean;
  onProgress?: ProgressListener;
  /** Stops the run at its next event; it then rejects, its database dropped as after any run. */
  signal?: AbortSignal;
  /** The migrated database each run clones; the simulator's own by default. */
  templateUrl?: string;
}

export interface FinishedRun {
  report: RunReport;
  /** The run's database, when kept. */
  keptDatabase: string | null;
}

/**
 * The product's configuration for one run: its own database and queue prefix, sandbox time (so
 * the run moves the clock), inline pipelines (the run says when they work), no HTTP,
 * and secrets of its own (nobody logs in to a run).
 */
function runConfig(base: AppConfig, databaseUrl: string, prefix: string, policy: ProfileName): AppConfig {
  return parseConfig({
    NODE_ENV: 'development',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: '4',
    REDIS_URL: base.redis.url,
    QUEUE_PREFIX: prefix,
    JWT_SECRET: randomBytes(24).toString('hex'),
    ADMIN_PASSWORD: randomBytes(12).toString('hex'),
    SANDBOX_KEY: randomBytes(16).toString('hex'),
    DEFAULT_POLICY_PROFILE: policy,
    // The run drains the worker's pipelines itself, after each event and each day's due tasks,
    // and keeps its clock in memory: no other process works on its database.
    PIPELINES: 'inline',
    SANDBOX_CLOCK: 'process',
    LOG_LEVEL: 'silent',
  });
}

/** One scenario under one policy, start to finish, in a database and queue prefix of its own. */
export async function runScenario(scenario: Scenario, options: RunOptions): Promise<FinishedRun> {
  const base = loadConfig();
  const database = await createRunDatabase(base.database.url, `${scenario.name}_${options.policy}`, options.templateUrl);
  const prefix = `sim-${database.name}`;
  let kept = false;
  try {
    const app = await startSimApp(runConfig(base, database.url, prefix, options.policy));
    try {
      const result = await new Simulation(app, scenario, options.policy, options.onProgress, options.signal).run();
      const dataSource = app.api.get<DataSource>(getDataSourceToken());
      const report = await measure(dataSource, scenario, options.policy, result);
      kept = options.keep;
      return { report, keptDatabase: kept ? database.name : null };
    } finally {
      await app.close();
    }
  } finally {
    if (!kept) await database.drop();
    const redis = new Redis(base.redis.url, { maxRetriesPerRequest: 1 });
    await unlinkMatching(redis, `${prefix}:*`).finally(() => redis.disconnect());
  }
}
