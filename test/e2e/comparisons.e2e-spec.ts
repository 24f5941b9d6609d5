import { ComparisonsModule } from '@app/comparisons';
import { describe, expect, it } from '@jest/globals';
import { PoolComparisonRunner } from '../../apps/sim/src/hosted/pool-comparison-runner.js';
import { startWorker } from '../support/test-app.js';
import { TEST_SANDBOX_KEY } from '../support/test-config.js';
import { useTestContext } from '../support/test-context.js';
import { templateUrl } from '../support/test-database.js';
import { waitFor } from '../support/wait-for.js';

const key = { 'x-sandbox-key': TEST_SANDBOX_KEY };
const PROFILES = ['ring-2019', 'ring-2021', 'privacy-by-design', 'ring-2025'];
const SMALL = { scenario: 'who-sees-my-name', scale: 0.05 };

interface Comparison {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  scenario: { name: string; seed: number; scale: number; households: number; durationDays: number };
  policies: string[];
  progress: { policy: string; daysDone: number }[];
  error: string | null;
  result: { measures: { measure: string; values: string[] }[]; charts: { name: string; title: string; svg: string }[] } | null;
}

/**
 * The simulator's `compare` from the console: asked for through the api, run by the worker in
 * processes of its own (real runs, each on a database cloned from the test template), the result
 * kept so that asking again is instant.
 */
describe('policy comparisons from the console', () => {
  // The worker as main.ts composes it for a deployment.
  const hosted = () => [ComparisonsModule.forWorker(PoolComparisonRunner)];
  const ctx = useTestContext({ worker: true, workerImports: hosted(), env: { SIMULATOR_TEMPLATE_DATABASE_URL: templateUrl(), SIMULATOR_JOBS: '2' } });

  const start = (body: object) => ctx.api.request<Comparison>('POST', '/api/sandbox/comparisons', { headers: key, body });
  const read = (id: string) => ctx.api.request<Comparison>('GET', `/api/sandbox/comparisons/${id}`, { headers: key });
  const finished = async (id: string): Promise<Comparison> => {
    let last: Comparison | undefined;
    await waitFor(async () => ((last = (await read(id)).body), last.status === 'done' || last.status === 'failed'), {
      timeoutMs: 150_000,
      intervalMs: 250,
      what: 'the comparison to finish',
    });
    return last!;
  };

  let first: Comparison;

  it('queues a shipped scenario under every policy, and the worker runs it to a table and charts', async () => {
    const asked = await start(SMALL);
    expect(asked.status).toBe(202);
    expect(asked.body).toMatchObject({ status: 'queued', policies: PROFILES, result: null, error: null });
    expect(asked.body.scenario).toMatchObject({ name: 'who-sees-my-name', seed: 2021, scale: 0.05, households: 100, durationDays: 14 });
    expect(asked.body.progress).toEqual(PROFILES.map((policy) => ({ policy, daysDone: 0 })));

    first = await finished(asked.body.id);
    expect(first.error).toBeNull();
    expect(first.status).toBe('done');
    expect(first.progress).toEqual(PROFILES.map((policy) => ({ policy, daysDone: 14 })));
    const table = Object.fromEntries(first.result!.measures.map(({ measure, values }) => [measure, values]));
    for (const values of Object.values(table)) expect(values).toHaveLength(PROFILES.length);
    // The lesson itself: privacy-by-design discloses no identity, whatever the others do.
    expect(table['identities disclosed']![PROFILES.indexOf('privacy-by-design')]).toBe('0');
    expect(first.result!.charts.map((chart) => chart.name)).toEqual(['privacy-cost-vs-investigative-value.svg', 'consent-funnels.svg']);
    for (const chart of first.result!.charts) expect(chart.svg).toMatch(/^<svg[\s\S]*<\/svg>$/);
  }, 180_000);

  it('answers the same comparison at once when asked again, after a sandbox reset too', async () => {
    const again = await start(SMALL);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first);

    expect((await ctx.api.request('POST', '/api/sandbox/reset', { headers: key })).status).toBe(200);
    expect((await read(first.id)).body).toEqual(first);
    expect((await start(SMALL)).body.id).toBe(first.id);
  });

  it('makes one comparison of two asks at once, and a new one for another seed', async () => {
    const [a, b] = await Promise.all([start({ ...SMALL, seed: 7 }), start({ ...SMALL, seed: 7 })]);
    expect(a.body.id).toBe(b.body.id);
    expect(a.body.id).not.toBe(first.id);
    expect(a.body.scenario.seed).toBe(7);
    expect((await finished(a.body.id)).status).toBe('done');
  }, 180_000);

  it('starts over on the next worker when the worker stops mid-comparison', async () => {
    const asked = await start({ ...SMALL, scale: 0.2 });
    await waitFor(async () => (await read(asked.body.id)).body.progress.some((run) => run.daysDone > 0), { timeoutMs: 60_000, what: 'the runs to make progress' });
    // The worker stops at once (its runs are cut short) instead of waiting for them to end.
    await ctx.worker.close();
    expect((await read(asked.body.id)).body.status).toBe('running');

    ctx.worker = await startWorker(ctx.config, hosted());
    const done = await finished(asked.body.id);
    expect(done.status).toBe('done');
    expect(done.progress.every((run) => run.daysDone === done.scenario.durationDays)).toBe(true);
  }, 240_000);

  it('refuses what it cannot run, in the contract’s shape', async () => {
    expect((await start({ scenario: 'no-such-lesson' })).body).toMatchObject({ statusCode: 404, code: 'SCENARIO_NOT_FOUND' });
    for (const body of [{ scenario: '../etc/passwd' }, { scenario: 'who-sees-my-name', scale: 0 }, { scenario: 'who-sees-my-name', scale: 2 }, { scenario: 'who-sees-my-name', seed: -1 }, {}]) {
      expect((await start(body)).status).toBe(400);
    }
    expect((await ctx.api.request('POST', '/api/sandbox/comparisons', { body: SMALL })).body).toMatchObject({ statusCode: 401, code: 'SANDBOX_KEY_INVALID' });
    expect((await read('6f1c2b7e-0000-4000-8000-000000000000')).body).toMatchObject({ statusCode: 404, code: 'COMPARISON_NOT_FOUND' });
    expect((await read('not-a-uuid')).status).toBe(400);
  });
});
