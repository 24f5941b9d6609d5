// `npm run bench -- sim [--scale F] [--jobs N]`: a year of a 10,000-household town (bench/scenarios/
// city-year.yaml) compared under every shipped profile, as `npm run sim -- compare` runs it:
// wall time per profile and in all, simulated events per second, and how the time splits
// between setting the town up and simulating its days. Results in bench/results/sim.json.
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { simTemplateUrl } from '@app/database';
import { loadConfig } from '@app/config';
import { PROFILE_NAMES, type ProfileName } from '@app/policy';
import { RunPool } from '../apps/sim/src/run/run-pool.js';
import { loadScenarioFile } from '../apps/sim/src/scenario/load-scenario.js';
import { scaleScenario } from '../apps/sim/src/scenario/scale.js';
import { writeResults } from './results-file.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const RESULTS = join(HERE, 'results', 'sim.json');
/** The target: all four profiles in under two minutes on this 2-core machine. */
const TARGET_SECONDS = 120;

interface ProfileTiming {
  policy: string;
  seconds: number;
  /** From the start of the run to the end of its first simulated day: the database clone, the app and the town's set-up. */
  setUpSeconds: number;
  events: number;
  eventsPerSecond: number;
  requests: number;
  ownersAsked: number;
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { scale: { type: 'string', default: '1' }, jobs: { type: 'string' } } });
  const scale = Number(values.scale);
  // As `npm run sim -- compare` runs them: at most four at once, one per CPU.
  const jobs = Number(values.jobs ?? Math.min(4, availableParallelism()));
  const scenario = scaleScenario(loadScenarioFile(join(HERE, 'scenarios', 'city-year.yaml')), scale);
  // The same migrated template `npm run sim` clones, made ready by the same set-up.
  const setup = spawnSync(process.execPath, ['--import', '@swc-node/register/esm-register', join(HERE, '..', 'scripts', 'setup.ts'), '--sim'], { stdio: ['ignore', 2, 2] });
  if (setup.status !== 0) throw new Error('set-up failed: the simulator needs PostgreSQL with PostGIS and Redis');
  const templateUrl = simTemplateUrl(loadConfig().database.url);
  const started = performance.now();
  const pool = new RunPool(jobs);
  const run = async (policy: ProfileName): Promise<ProfileTiming> => {
    let runStarted = 0;
    let firstDayAt = 0;
    let events = 0;
    const { report } = await pool.run(scenario, {
      policy,
      keep: false,
      templateUrl,
      onStart: () => (runStarted = performance.now()),
      onProgress: (day, _date, eventsSoFar) => {
        if (day === 1) firstDayAt = performance.now();
        events = eventsSoFar;
        if (day % 73 === 0) process.stderr.write(`  ${policy}: day ${day}/${scenario.durationDays}, ${eventsSoFar} events\n`);
      },
    });
    const seconds = (performance.now() - runStarted) / 1000;
    process.stderr.write(`${policy}: ${seconds.toFixed(1)} s, ${events} events\n`);
    return {
      policy,
      seconds: Number(seconds.toFixed(1)),
      setUpSeconds: Number(((firstDayAt - runStarted) / 1000).toFixed(1)),
      events,
      eventsPerSecond: Math.round(events / seconds),
      requests: report.requests.made,
      ownersAsked: report.owners.asked,
    };
  };
  const timings = await Promise.all(PROFILE_NAMES.map(run)).finally(() => pool.close());
  const totalSeconds = Number(((performance.now() - started) / 1000).toFixed(1));
  const result = {
    scenario: scenario.name,
    households: scenario.town.households,
    days: scenario.durationDays,
    scale,
    jobs,
    totalSeconds,
    targetSeconds: TARGET_SECONDS,
    meetsTarget: totalSeconds < TARGET_SECONDS,
    profiles: timings,
  };
  writeResults(RESULTS, result);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
