import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, jest } from '@jest/globals';
import pg from 'pg';
import { withDatabaseName } from '@app/database';
import { templateUrl } from '../../../test/support/test-database.js';
import type { RunReport } from '../src/report/measures.js';
import { writeComparison } from '../src/report/compare-files.js';
import { RUN_CHARTS, writeRunReport } from '../src/report/report-files.js';
import { runScenario } from '../src/run/run-scenario.js';
import { tinyTown } from './tiny-town.js';

const run = (policy: 'ring-2019' | 'ring-2021' | 'privacy-by-design' | 'ring-2025', keep = false) =>
  runScenario(tinyTown(), { policy, keep, templateUrl: templateUrl() });

const reportBytes = async (report: RunReport): Promise<string> => {
  const dir = mkdtempSync(join(tmpdir(), 'sim-report-'));
  await writeRunReport(dir, report);
  return readFileSync(join(dir, 'report.json'), 'utf8');
};

async function databaseExists(name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: withDatabaseName(templateUrl(), 'postgres') });
  await client.connect();
  try {
    return ((await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}

/**
 * A small town for twelve simulated days, through the real services on real PostgreSQL and
 * Redis: the same scenario, seed and policy give the same bytes, and each policy's rules show.
 */
describe('the simulator', () => {
  // Each run is a town's days through the real services: seconds each, longer on a busy machine.
  jest.setTimeout(180_000);
  let ring2019: RunReport;
  let privacyByDesign: RunReport;

  it('gives a byte-identical report.json for the same scenario, seed and policy, and another town for another seed', async () => {
    ring2019 = (await run('ring-2019')).report;
    const again = (await run('ring-2019')).report;
    expect(await reportBytes(again)).toBe(await reportBytes(ring2019));
    const otherSeed = (await runScenario({ ...tinyTown(), seed: 8 }, { policy: 'ring-2019', keep: false, templateUrl: templateUrl() })).report;
    expect(otherSeed.incidents).not.toEqual(ring2019.incidents);
    expect(ring2019.requests.made).toBeGreaterThan(3);
    expect(ring2019.days).toHaveLength(12);
    const perCell = ring2019.incidents.byNeighbourhood.flatMap((cell) => cell.per30Days);
    expect(perCell.reduce((sum, count) => sum + count, 0)).toBe(ring2019.incidents.total);
  });

  it("accounts for every owner asked, each told once, through the product's own notifications", () => {
    const { owners } = ring2019;
    expect(owners.asked).toBeGreaterThan(0);
    expect(Object.values(owners.outcomes).reduce((sum, count) => sum + count, 0)).toBe(owners.asked);
    expect(owners.noticesSent).toBe(owners.asked);
    expect(owners.remindersSent).toBe(0);
    expect(owners.identitiesDisclosed).toBe(0);
    expect(ring2019.owners.excluded.optInNotGiven).toBe(0);
    expect(owners.privacyChanges.optedOut + owners.privacyChanges.retentionChanged).toBeGreaterThan(0);
    expect(ring2019.footage.hoursReachingPolice).toBeGreaterThan(0);
  });

  it('publishes every post under ring-2019, where readers report the race-only ones and a moderator removes some', () => {
    const { feed } = ring2019;
    expect(feed.posts).toBeGreaterThan(20);
    expect(feed.raceOnly).toBeGreaterThan(0);
    expect(feed.held).toBe(0);
    expect(feed.reportedForProfiling).toBeGreaterThan(0);
    expect(feed.reportedForProfiling).toBeLessThanOrEqual(feed.raceOnly);
    expect(feed.removed).toBeLessThanOrEqual(feed.reportedForProfiling);
  });

  it('asks only owners who opted in under privacy-by-design, on the same town and incidents', async () => {
    const { report } = await run('privacy-by-design');
    privacyByDesign = report;
    expect(report.incidents).toEqual(ring2019.incidents);
    expect(report.owners.excluded.optInNotGiven).toBeGreaterThan(0);
    expect(report.owners.asked).toBeLessThan(ring2019.owners.asked);
    // Descriptions by race alone are prohibited: screening holds every one of them for a moderator.
    expect(report.feed).toMatchObject({ posts: ring2019.feed.posts, raceOnly: ring2019.feed.raceOnly, held: ring2019.feed.raceOnly });
    expect(report.feed.removed).toBeGreaterThan(0);
  });

  it('reviews every request, reminds the silent and names the sharers under ring-2025', async () => {
    const { report } = await run('ring-2025');
    // A request made in the run's last hours may still wait for its review when the run ends.
    const { reviewsApproved, reviewsRefused, byStatus, made } = report.requests;
    expect(reviewsApproved + reviewsRefused + (byStatus['pending-review'] ?? 0)).toBe(made);
    expect(reviewsApproved).toBeGreaterThan(0);
    expect(report.owners.remindersSent).toBeGreaterThan(0);
    expect(report.owners.identitiesDisclosed).toBe((report.owners.outcomes.given ?? 0) + (report.owners.outcomes.withdrawn ?? 0));
  });

  it('writes a run as report.json, report.md and its charts, and a comparison side by side', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-files-'));
    await writeRunReport(dir, ring2019);
    const markdown = readFileSync(join(dir, 'report.md'), 'utf8');
    for (const chart of Object.keys(RUN_CHARTS)) {
      expect(readFileSync(join(dir, chart), 'utf8')).toMatch(/^<svg/);
      expect(markdown).toContain(`(${chart})`);
    }
    await writeComparison(dir, [ring2019, privacyByDesign]);
    const table = readFileSync(join(dir, 'compare.md'), 'utf8');
    expect(table).toContain('| measure | ring-2019 | privacy-by-design |');
    expect(table).toContain(`| owners asked | ${ring2019.owners.asked} | ${privacyByDesign.owners.asked} |`);
    expect(existsSync(join(dir, 'privacy-cost-vs-investigative-value.svg'))).toBe(true);
    expect(Object.keys(JSON.parse(readFileSync(join(dir, 'compare.json'), 'utf8')))).toEqual(['ring-2019', 'privacy-by-design']);
  });

  it("drops the run's database unless asked to keep it", async () => {
    const kept = await run('ring-2021', true);
    expect(kept.keptDatabase).toMatch(/_tiny_town_ring_2021_[0-9a-f]{6}$/);
    expect(await databaseExists(kept.keptDatabase!)).toBe(true);
    const client = new pg.Client({ connectionString: withDatabaseName(templateUrl(), 'postgres') });
    await client.connect();
    await client.query(`DROP DATABASE "${kept.keptDatabase}" WITH (FORCE)`);
    await client.end();
  });
});
