import { cpus } from 'node:os';
import { decodePageCursor } from '@app/database';
import { FeedModule, FeedService, HeatmapService } from '@app/feed';
import { cellsInBbox, cellsWithinRadius } from '@app/geo';
import { PolicyService } from '@app/policy';
import pg from 'pg';
import type { EntityManager } from 'typeorm';
// Not on the lib's public surface: the raw side sends the repositories' own statements through pg.
import { FeedRepository } from '../libs/feed/src/feed.repository.js';
import type { FeedArea } from '../libs/feed/src/feed.service.js';
import { HeatmapRepository } from '../libs/feed/src/heatmap.repository.js';
import { benchApp } from './bench-app.js';
import { benchDatabaseUrl } from './bench-database.js';
import { HALF_SIZE_KM, randomBox, toLatLng } from './load-cameras.js';
import { ensurePosts, FEED_NOW, type FeedLoadSeconds } from './load-feed.js';
import { previousLoad, writeResults } from './results-file.js';
import { captureStatement, explain, viaPg } from './statements.js';
import { compare, seededRandom, timeMs } from './stats.js';

const ITERATIONS = 200;
const WARMUP = 20;
const PAGE = 50;
const RADIUS_METERS = 2000;
/** A city-sized box, as coverage's: 7 × 7 km, just under the 50 km² a map query takes. */
const BOX_KM = 7;
const PERIOD = { from: new Date(FEED_NOW.getTime() - 30 * 86_400_000), to: FEED_NOW };
const RESULTS = 'bench/results/feed.json';

const randomArea = (random: () => number): FeedArea => {
  const reach = HALF_SIZE_KM - 2;
  return { center: toLatLng((random() * 2 - 1) * reach, (random() * 2 - 1) * reach), radiusMeters: RADIUS_METERS };
};


/** Runs both sides on the same case, alternating which goes first, so neither always finds the pages warm. */
async function interleaved<T>(i: number, service: () => Promise<T>, raw: () => Promise<T>): Promise<{ s: number; r: number; found: { service: T; raw: T } }> {
  const found = {} as { service: T; raw: T };
  const viaService = () => timeMs(async () => void (found.service = await service()));
  const viaRaw = () => timeMs(async () => void (found.raw = await raw()));
  if (i % 2 === 0) {
    const s = await viaService();
    return { s, r: await viaRaw(), found };
  }
  const r = await viaRaw();
  return { s: await viaService(), r, found };
}

/**
 * The neighbours feed over 1,000,000 posts in the 60 × 60 km bench city (`bench/load-feed.ts`, its
 * own database): a page of 50 within 2 km of random points and the next page by cursor, and the
 * incident heat map of a 49 km² box. Service = FeedService / HeatmapService in a Nest context;
 * raw = the repositories' own statements sent with pg. Both must give the same rows.
 */
export async function run(): Promise<void> {
  const url = await benchDatabaseUrl('porchlight_bench_feed');
  const db = new pg.Pool({ connectionString: url, max: 2 });
  const load = (await ensurePosts(db)) ?? previousLoad<FeedLoadSeconds>(RESULTS);

  const app = await benchApp(url, [FeedModule]);
  const feed = app.get(FeedService);
  const heatmap = app.get(HeatmapService);
  const policy = await app.get(PolicyService).active();
  const posts = new FeedRepository();
  const cells = new HeatmapRepository();
  const raw = viaPg(db) as unknown as EntityManager;
  const ids = (rows: { id: string }[]) => rows.map((row) => row.id).join();

  const random = seededRandom(37);
  const first = { service: [] as number[], raw: [] as number[] };
  const next = { service: [] as number[], raw: [] as number[] };
  let postsOnFirstPages = 0;
  for (let i = 0; i < ITERATIONS + WARMUP; i++) {
    const area = randomArea(random);
    const page1 = await interleaved(
      i,
      async () => feed.page(area, undefined, PAGE),
      async () => ({ items: (await posts.page(raw, cellsWithinRadius(area.center, area.radiusMeters), undefined, undefined, PAGE + 1)).slice(0, PAGE), nextCursor: null }),
    );
    if (ids(page1.found.service.items) !== ids(page1.found.raw.items)) throw new Error('service and raw SQL gave different first pages');
    const cursor = page1.found.service.nextCursor;
    if (cursor === null) throw new Error('a 2 km circle of the bench city holds fewer than 51 posts: the data is not as loaded');
    const page2 = await interleaved(
      i,
      async () => (await feed.page(area, undefined, PAGE, cursor)).items,
      async () => (await posts.page(raw, cellsWithinRadius(area.center, area.radiusMeters), undefined, decodePageCursor(cursor), PAGE + 1)).slice(0, PAGE),
    );
    if (ids(page2.found.service) !== ids(page2.found.raw)) throw new Error('service and raw SQL gave different next pages');
    if (i >= WARMUP) {
      first.service.push(page1.s);
      first.raw.push(page1.r);
      next.service.push(page2.s);
      next.raw.push(page2.r);
      postsOnFirstPages += page1.found.service.items.length;
    }
  }

  const boxes = seededRandom(43);
  const map = { service: [] as number[], raw: [] as number[] };
  let cellsReturned = 0;
  for (let i = 0; i < ITERATIONS + WARMUP; i++) {
    const box = randomBox(boxes, BOX_KM);
    const measured = await interleaved(
      i,
      async () => (await heatmap.cells(box, undefined, PERIOD)).cells,
      // What the service sends once the policy allows the map: the box's cells and the policy's minimum.
      () => cells.countByCell(raw, { cells: cellsInBbox(box), category: undefined, period: PERIOD, minPosts: policy.heatmapMinPosts! }),
    );
    if (JSON.stringify(measured.found.service) !== JSON.stringify(measured.found.raw)) throw new Error('service and raw SQL gave different heat maps');
    if (i >= WARMUP) {
      map.service.push(measured.s);
      map.raw.push(measured.r);
      cellsReturned += measured.found.service.length;
    }
  }

  const probe = randomArea(seededRandom(5));
  const firstPage = await captureStatement((m) => posts.page(m, cellsWithinRadius(probe.center, probe.radiusMeters), undefined, undefined, PAGE + 1), []);
  const box = randomBox(seededRandom(5), BOX_KM);
  const heatmapStatement = await captureStatement(
    (m) => cells.countByCell(m, { cells: cellsInBbox(box), category: undefined, period: PERIOD, minPosts: policy.heatmapMinPosts! }),
    [],
  );
  const plans = { firstPage: await explain(viaPg(db), firstPage), heatmap: await explain(viaPg(db), heatmapStatement) };
  await app.close();
  const { rows } = await db.query<{ posts: string; published: string }>(
    `SELECT count(*) AS posts, count(*) FILTER (WHERE status = 'published') AS published FROM feed_post`,
  );
  await db.end();

  const result = {
    benchmark: 'feed',
    at: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model },
    data: {
      posts: Number(rows[0]!.posts),
      published: Number(rows[0]!.published),
      areaKm: 2 * HALF_SIZE_KM,
      radiusMeters: RADIUS_METERS,
      page: PAGE,
      boxKm: BOX_KM,
      policy: policy.profile,
      heatmapMinPosts: policy.heatmapMinPosts,
    },
    loadSeconds: load,
    iterations: ITERATIONS,
    warmup: WARMUP,
    firstPage: {
      ...compare(first.service, first.raw),
      service: 'FeedService.page: keyset page of 50 published posts whose cell centre lies within 2 km, newest first (TypeORM)',
      raw: "the circle's cells (cellsWithinRadius) and FeedRepository.page's statement with pg",
      target: 'service p95 < 15 ms and ratio ≤ 1.3',
    },
    nextPage: {
      ...compare(next.service, next.raw),
      service: 'the same with the first page’s cursor (decoded, checked)',
      raw: 'the same statement with the decoded position, with pg',
      target: 'service p95 < 15 ms and ratio ≤ 1.3',
    },
    heatmap: {
      ...compare(map.service, map.raw),
      averageCellsReturned: Math.round(cellsReturned / ITERATIONS),
      service: 'HeatmapService.cells: the policy (door and minimum), box check, cells of the box, the count per cell and category',
      raw: "cellsInBbox and HeatmapRepository.countByCell's statement with pg",
      target: 'service p95 < 30 ms',
    },
    explain: plans,
  };
  writeResults(RESULTS, result);
  process.stdout.write(`${JSON.stringify({ firstPage: result.firstPage, nextPage: result.nextPage, heatmap: result.heatmap }, null, 2)}\nwritten to ${RESULTS}\n`);
}
