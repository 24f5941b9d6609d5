import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { ProgressBoard } from './cli/progress.js';
import { writeComparison } from './report/compare-files.js';
import type { RunReport } from './report/measures.js';
import { RunPool } from './run/run-pool.js';
import { reportMarkdown, writeRunReport } from './report/report-files.js';
import { loadScenario, ScenarioError, shippedScenarios } from './scenario/load-scenario.js';
import { PROFILE_NAMES, type ProfileName } from './scenario/profile-names.js';
import { scaleScenario } from './scenario/scale.js';
import type { Scenario } from './scenario/scenario.schema.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** A sentence for whoever typed the command; exit code 2. */
class UsageError extends Error {}

function seedOption(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 2 ** 31 - 1) throw new InvalidArgumentError('must be a whole number from 0 to 2147483647.');
  return Number(value);
}

function scaleOption(value: string): number {
  const factor = Number(value);
  if (!(factor > 0 && factor <= 1)) throw new InvalidArgumentError('must be a number above 0 and at most 1.');
  return factor;
}

function jobsOption(value: string): number {
  if (!/^[1-9]\d?$/.test(value)) throw new InvalidArgumentError('must be a whole number from 1 to 99.');
  return Number(value);
}

function policyOption(value: string): ProfileName {
  if (!(PROFILE_NAMES as readonly string[]).includes(value)) throw new InvalidArgumentError(`must be one of ${PROFILE_NAMES.join(', ')}.`);
  return value as ProfileName;
}

function policiesOption(value: string): ProfileName[] {
  const policies = value.split(',').map((name) => policyOption(name.trim()));
  if (new Set(policies).size !== policies.length) throw new InvalidArgumentError('must not name a policy twice.');
  return policies;
}

/** PostgreSQL, Redis and the simulator's migrated template, as `npm start` sets them up. */
function ensureSetUp(): void {
  const setup = spawnSync(process.execPath, ['--import', '@swc-node/register/esm-register', 'scripts/setup.ts', '--sim'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (setup.status !== 0) throw new UsageError('Set-up failed (see above): the simulator needs PostgreSQL with PostGIS and Redis.');
}

interface RunFlags {
  seed?: number;
  scale: number;
  out?: string;
  keep: boolean;
}

/**
 * One run, reported as it goes: in this process, or in one of `pool`'s (`compare`: runs side by
 * side use every core).
 */
async function runOne(scenario: Scenario, policy: ProfileName, flags: RunFlags, out: string, board: ProgressBoard, pool?: RunPool): Promise<RunReport> {
  const progress = board.track(`${scenario.name} · ${policy}`, scenario.durationDays);
  const seeded = { ...scenario, seed: flags.seed ?? scenario.seed };
  const options = { policy, keep: flags.keep, onProgress: progress.listener };
  try {
    // Loaded only to run: the product's modules take seconds to load, `list` and `--help` need none.
    const run = pool ? await pool.run(seeded, { ...options, onStart: progress.begin }) : await (await import('./run/run-scenario.js')).runScenario(seeded, options);
    await writeRunReport(out, run.report);
    if (run.keptDatabase) process.stderr.write(`kept database ${run.keptDatabase}\n`);
    return run.report;
  } finally {
    progress.stop();
  }
}

const program = new Command('sim')
  .description("Porchlight's simulator: a town on simulated time, through the product's own services, under each policy.")
  .showHelpAfterError('(add --help for usage)')
  .exitOverride();

program
  .command('list')
  .description('The shipped scenarios, one line each')
  .action(() => {
    for (const scenario of shippedScenarios()) {
      process.stdout.write(`${scenario.name.padEnd(24)} ${scenario.title} (${scenario.durationDays} days, ${scenario.town.households} households, ${scenario.policy})\n`);
    }
  });

program
  .command('run')
  .description('Run a scenario under one policy; writes report.json and report.md')
  .argument('<scenario>', 'a shipped scenario name (see list) or a YAML file')
  .option('--seed <n>', "the run's seed (default: the scenario's)", seedOption)
  .option('--policy <profile>', `the policy profile (default: the scenario's): ${PROFILE_NAMES.join(', ')}`, policyOption)
  .option('--out <dir>', 'where to write the report (default: sim-out/<scenario>/<policy>)')
  .option('--keep', "keep the run's database for inspection", false)
  .option('--scale <factor>', 'run at a fraction of its size: fewer households and days (0–1; default 1)', scaleOption, 1)
  .action(async (name: string, flags: RunFlags & { policy?: ProfileName }) => {
    const scenario = scaleScenario(loadScenario(name), flags.scale);
    ensureSetUp();
    const policy = flags.policy ?? scenario.policy;
    const out = resolve(flags.out ?? join('sim-out', scenario.name, policy));
    const board = new ProgressBoard();
    const report = await runOne(scenario, policy, flags, out, board).finally(() => board.close());
    process.stdout.write(`${reportMarkdown(report)}\nWritten to ${out}\n`);
  });

program
  .command('compare')
  .description('Run a scenario under several policies (same town, seed and incidents) and put them side by side')
  .argument('<scenario>', 'a shipped scenario name (see list) or a YAML file')
  .option('--policies <list>', `comma-separated profiles (default: all): ${PROFILE_NAMES.join(',')}`, policiesOption)
  .option('--seed <n>', "the runs' seed (default: the scenario's)", seedOption)
  .option('--out <dir>', 'where to write the comparison (default: sim-out/<scenario>/compare)')
  .option('--keep', "keep each run's database for inspection", false)
  .option('--scale <factor>', 'run at a fraction of its size: fewer households and days (0–1; default 1)', scaleOption, 1)
  .option('--jobs <n>', 'runs at the same time, each in its own process and database (default: the CPUs, at most 4)', jobsOption, Math.min(4, availableParallelism()))
  .action(async (name: string, flags: RunFlags & { policies?: ProfileName[]; jobs: number }) => {
    const scenario = scaleScenario(loadScenario(name), flags.scale);
    ensureSetUp();
    const out = resolve(flags.out ?? join('sim-out', scenario.name, 'compare'));
    const board = new ProgressBoard();
    const policies = flags.policies ?? [...PROFILE_NAMES];
    const pool = new RunPool(flags.jobs);
    const reports = await Promise.all(policies.map((policy) => runOne(scenario, policy, flags, join(out, policy), board, pool))).finally(() => {
      pool.close();
      board.close();
    });
    await writeComparison(out, reports);
    process.stdout.write(`Written to ${out}\n`);
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and version end here too, with code 0; commander has already printed its sentence.
    process.exit(error.exitCode === 0 ? 0 : 2);
  }
  // A bad .env value stops a run with its name; loaded here only, as the config lib is slow to load.
  const { InvalidConfigError } = await import('@app/config');
  if (error instanceof ScenarioError || error instanceof UsageError || error instanceof InvalidConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
