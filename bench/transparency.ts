import { cpus } from 'node:os';
import { STAFF_VIEWED } from '@app/consent';
import { TransparencyModule, TransparencyService } from '@app/transparency';
import pg from 'pg';
import type { EntityManager } from 'typeorm';
// Not on the lib's public surface: the raw side sends the repository's own statements through pg.
import { TransparencyRepository } from '../libs/transparency/src/transparency.repository.js';
import { benchApp } from './bench-app.js';
import { benchDatabaseUrl } from './bench-database.js';
import { CITY, ensureCityYear, YEAR, type CityLoadSeconds } from './load-city-year.js';
import { previousLoad, writeResults } from './results-file.js';
import { captureStatement, explain, viaPg } from './statements.js';
import { compare, timeMs } from './stats.js';

const ITERATIONS = 100;
const WARMUP = 10;
const RESULTS = 'bench/results/transparency.json';

/**
 * The public transparency report for a year of a large city (`bench/load-city-year.ts`, in its own
 * database). Service = TransparencyService.report (read-only REPEATABLE READ transaction, both
 * statements, totals); raw = the repository's same two statements with pg in the same kind of
 * transaction. Interleaved, alternating which goes first; both must give the same figures.
 */
export async function run(): Promise<void> {
  const url = await benchDatabaseUrl('porchlight_bench_transparency');
  const db = new pg.Pool({ connectionString: url, max: 2 });
  const load = (await ensureCityYear(db)) ?? previousLoad<CityLoadSeconds>(RESULTS);

  const app = await benchApp(url, [TransparencyModule]);
  const service = app.get(TransparencyService);
  const repository = new TransparencyRepository();

  const viaService = () => service.report(YEAR);
  const viaRaw = async () => {
    const client = await db.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const raw = viaPg(client) as unknown as EntityManager;
      const agencies = await repository.agencyFigures(raw, YEAR.from, YEAR.to);
      const staffFootageAccesses = await repository.staffFootageAccesses(raw, YEAR.from, YEAR.to, STAFF_VIEWED);
      await client.query('COMMIT');
      return { agencies, staffFootageAccesses };
    } finally {
      client.release();
    }
  };

  const report = await viaService();
  const rawReport = await viaRaw();
  if (JSON.stringify(report.agencies) !== JSON.stringify(rawReport.agencies) || report.totals.staffFootageAccesses !== rawReport.staffFootageAccesses) {
    throw new Error('the service and the raw statements gave different figures');
  }

  const serviceMs: number[] = [];
  const rawMs: number[] = [];
  for (let i = 0; i < ITERATIONS + WARMUP; i++) {
    const [s, r] = i % 2 === 0 ? [await timeMs(viaService), await timeMs(viaRaw)] : [await timeMs(viaService), await timeMs(viaRaw)].reverse();
    if (i >= WARMUP) {
      serviceMs.push(s!);
      rawMs.push(r!);
    }
  }
  const figures = await captureStatement((m) => repository.agencyFigures(m, YEAR.from, YEAR.to), []);
  const staff = await captureStatement((m) => repository.staffFootageAccesses(m, YEAR.from, YEAR.to, STAFF_VIEWED), [{ count: 0 }]);
  const plans = { agencyFigures: await explain(viaPg(db), figures), staffFootageAccesses: await explain(viaPg(db), staff) };
  await app.close();
  const loaded = await tableCounts(db);
  await db.end();

  const { totals } = report;
  const result = {
    benchmark: 'transparency',
    at: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model },
    data: {
      loaded,
      city: CITY,
      inTheYear: {
        period: { from: YEAR.from.toISOString(), to: YEAR.to.toISOString() },
        agencies: report.agencies.length,
        requests: totals.requests.made,
        ownersAsked: totals.owners.asked,
        consents: totals.answers.shares + totals.answers.declines,
        overridesRequested: totals.overrides.warrant.requested + totals.overrides.emergency.requested,
        staffFootageAccesses: totals.staffFootageAccesses,
      },
    },
    loadSeconds: load,
    iterations: ITERATIONS,
    warmup: WARMUP,
    report: {
      ...compare(serviceMs, rawMs),
      service: 'TransparencyService.report for the year: read-only REPEATABLE READ transaction, agency figures, staff accesses, totals',
      raw: "TransparencyRepository's two statements with pg in a read-only REPEATABLE READ transaction",
      target: 'service p95 < 250 ms',
    },
    explain: plans,
  };
  writeResults(RESULTS, result);
  process.stdout.write(`${JSON.stringify({ data: result.data.inTheYear, report: result.report }, null, 2)}\nwritten to ${RESULTS}\n`);
}

async function tableCounts(db: pg.Pool): Promise<Record<string, number>> {
  const tables = ['agency', 'app_user', 'footage_request', 'request_recipient', 'consent', 'disclosure_override', 'override_owner', 'audit_event'];
  const counts = await Promise.all(tables.map(async (table) => Number((await db.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n)));
  return Object.fromEntries(tables.map((table, i) => [table, counts[i]!]));
}
