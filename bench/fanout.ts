import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '@app/config';
import { IdentityModule, TokenService } from '@app/identity';
import { channelsOf, NOTIFICATION_SPECS, REALTIME_NAMESPACE, userRoom } from '@app/notifications';
import { Emitter } from '@socket.io/redis-emitter';
import { Queue, type ConnectionOptions, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { DataSource, type EntityManager } from 'typeorm';
// Not on the libs' public surfaces: the profile runs the product's own statements, not copies.
import { toNotificationResponse } from '../libs/notifications/src/dto/notification.response.js';
import { NotificationsRepository, type Notification } from '../libs/notifications/src/notifications.repository.js';
import { AreaCamerasRepository } from '../libs/cameras/src/area-cameras.repository.js';
import { audienceOf } from '../libs/requests/src/domain/audience.js';
import { RequestsRepository } from '../libs/requests/src/requests.repository.js';
import { benchApp } from './bench-app.js';
import { benchDatabaseUrl } from './bench-database.js';
import { rawBullmq, type BaselineOptions, type BaselineResult } from './fanout-baseline.js';
import { cpuSeconds, freePort, machineCpu, serverCpuSeconds, startChild, stopChild, waitReady, type Child } from './fanout-processes.js';
import {
  ensureFanoutOfficer,
  ensureFanoutOwners,
  FANOUT_CENTER,
  FANOUT_OWNERS,
  FANOUT_RADIUS_METERS,
  resetFanoutRun,
  type FanoutLoadSeconds,
  type FanoutWindow,
} from './load-fanout.js';
import { previousLoad, writeResults } from './results-file.js';
import { captureStatement, explain, inRolledBack, viaPg } from './statements.js';
import { percentile, round } from './stats.js';

const RESULTS = 'bench/results/fanout.json';
const DATABASE = 'porchlight_bench_fanout';
const CLIENTS = 1_000;
const CONNECT_WAVE = 50;
const POLL_MS = 50;
const TIMEOUT_MS = 180_000;
/** After the last event, how long to keep listening for a duplicate. */
const SETTLE_MS = 2_000;
const TARGET_MS = 20_000;
const PROFILE_BATCHES = 5;

interface Client {
  userId: string;
  socket: Socket;
  events: { at: number; payload: { id: string; data: { requestId?: string } } }[];
  disconnects: number;
}

interface CpuSnapshot {
  at: number;
  api: number;
  worker: number;
  bench: number;
  postgres: number;
  redis: number;
  machine: { busy: number; total: number };
}

export async function run(): Promise<void> {
  const base = loadConfig();
  const runId = Date.now().toString(36);
  const prefix = `bench-fanout-${runId}`;
  const connection: ConnectionOptions = { url: base.redis.url, maxRetriesPerRequest: null };
  const redis = new Redis(base.redis.url, { maxRetriesPerRequest: null });
  const loadBefore = loadavg();

  const url = await benchDatabaseUrl(DATABASE);
  const db = new pg.Pool({ connectionString: url, max: 3 });
  const loadSeconds = (await ensureFanoutOwners(db)) ?? previousLoad<FanoutLoadSeconds>(RESULTS);
  const officer = await ensureFanoutOfficer(db);
  const reset = await resetFanoutRun(db);
  process.stdout.write(`data ready (recordings remade in ${round(reset.seconds)} s); prefix ${prefix}\n`);

  const children: Child[] = [];
  const clients: Client[] = [];
  const ctx = await benchApp(url, [IdentityModule]);
  try {
    // Raw BullMQ first, while nothing else of this benchmark runs.
    const baseline: BaselineResult[] = [];
    const variants: [number, BaselineOptions][] = [
      [base.notifications.concurrency, 'product'],
      [base.notifications.concurrency, 'bare'],
      [100, 'bare'],
    ];
    for (const [concurrency, options] of variants) {
      baseline.push(await rawBullmq(connection, `${prefix}-raw`, concurrency, options));
      process.stdout.write(`baseline: ${JSON.stringify(baseline.at(-1))}\n`);
    }

    const apiPort = await freePort();
    const workerPort = await freePort();
    const env = {
      NODE_ENV: 'production',
      // Unset: no sandbox clock (a production deployment has none), so "now" is real time.
      SANDBOX_KEY: '',
      HOST: '127.0.0.1',
      PORT: String(apiPort),
      WORKER_HEALTH_PORT: String(workerPort),
      DATABASE_URL: url,
      QUEUE_PREFIX: prefix,
      DEFAULT_POLICY_PROFILE: 'ring-2019',
      LOG_LEVEL: 'warn',
      LOG_PRETTY: 'false',
    };
    children.push(startChild('api', 'apps/api/src/main.ts', env, apiPort), startChild('worker', 'apps/worker/src/main.ts', env, workerPort));
    await Promise.all(children.map((child) => waitReady(child)));
    const [api, worker] = children as [Child, Child];
    process.stdout.write(`api on :${apiPort} (pid ${api.process.pid}), worker (pid ${worker.process.pid}) ready\n`);

    // 1,000 of the recipients, spread over the id order so every batch of 1,000 holds ~10.
    const tokens = ctx.get(TokenService);
    const owners: string[] = (await db.query(`SELECT id FROM app_user WHERE role = 'resident' ORDER BY id`)).rows.map((row) => row.id);
    const step = owners.length / CLIENTS;
    const connected = Array.from({ length: CLIENTS }, (_, i) => owners[Math.floor(i * step + step / 2)]!);
    const connectStart = performance.now();
    for (let i = 0; i < connected.length; i += CONNECT_WAVE) {
      clients.push(
        ...(await Promise.all(connected.slice(i, i + CONNECT_WAVE).map((userId) => connectClient(apiPort, userId, tokens.issue({ id: userId, role: 'resident' }))))),
      );
    }
    const connectMs = performance.now() - connectStart;
    process.stdout.write(`${clients.length} sockets connected in ${Math.round(connectMs)} ms\n`);
    await sleep(1_000);

    // The request, over HTTP to the listening api, as a portal client sends it.
    const body = {
      caseNumber: `FANOUT-${runId}`,
      incidentType: 'burglary',
      description: 'Fan-out benchmark: one request reaching every owner in the circle',
      window: { start: reset.window.start.toISOString(), end: reset.window.end.toISOString() },
      area: { center: FANOUT_CENTER, radiusMeters: FANOUT_RADIUS_METERS },
    };
    const officerToken = tokens.issue({ id: officer.id, role: 'officer' });
    const cpuStart = cpuSnapshot(api, worker);
    const postAt = Date.now();
    const response = await fetch(`http://127.0.0.1:${apiPort}/api/portal/requests`, {
      method: 'POST',
      headers: { authorization: `Bearer ${officerToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const createdAt = Date.now();
    const view = (await response.json()) as { id: string; counts: { notified: number } };
    if (response.status !== 201) throw new Error(`POST /api/portal/requests answered ${response.status}: ${JSON.stringify(view)}`);
    const requestId = view.id;
    const expected = view.counts.notified;
    if (expected !== FANOUT_OWNERS) throw new Error(`the request reached ${expected} owners, not ${FANOUT_OWNERS}`);
    const eventId: string = (
      await db.query(`SELECT id FROM outbox_event WHERE type = 'request.created' AND payload->>'requestId' = $1`, [requestId])
    ).rows[0].id;

    // Inbox rows, polled every 50 ms; socket events are timed by the clients as they arrive.
    const progress: [number, number][] = [];
    let firstRowAt: number | undefined;
    let lastRowAt: number | undefined;
    let polls = 0;
    while (Date.now() - createdAt < TIMEOUT_MS) {
      const rows = Number((await db.query('SELECT count(*) AS n FROM notification WHERE event_id = $1', [eventId])).rows[0].n);
      const at = Date.now();
      polls++;
      if (rows > 0 && firstRowAt === undefined) firstRowAt = at;
      if (progress.at(-1)?.[1] !== rows) progress.push([at - createdAt, rows]);
      if (rows >= expected) {
        lastRowAt = at;
        break;
      }
      await sleep(POLL_MS);
    }
    const socketDeadline = Date.now() + 30_000;
    while (clients.some((client) => client.events.length === 0) && Date.now() < socketDeadline) await sleep(20);
    const lastEventAt = Math.max(...clients.flatMap((client) => client.events.map((event) => event.at)));
    const cpuEnd = cpuSnapshot(api, worker);
    await sleep(SETTLE_MS);

    // Verification: every recipient exactly one row, every connected client exactly one event.
    const inbox = (
      await db.query(
        `SELECT count(*)::int AS rows, count(DISTINCT user_id)::int AS users,
                (SELECT count(*) FROM request_recipient rr WHERE rr.request_id = $2 AND NOT EXISTS (
                   SELECT 1 FROM notification n WHERE n.event_id = $1 AND n.user_id = rr.owner_id))::int AS missing,
                (SELECT count(*) FROM notification n WHERE n.event_id = $1 AND NOT EXISTS (
                   SELECT 1 FROM request_recipient rr WHERE rr.request_id = $2 AND rr.owner_id = n.user_id))::int AS strangers
         FROM notification WHERE event_id = $1`,
        [eventId, requestId],
      )
    ).rows[0] as { rows: number; users: number; missing: number; strangers: number };
    const rowOf = new Map<string, string>(
      (await db.query('SELECT user_id, id FROM notification WHERE event_id = $1 AND user_id = ANY($2::uuid[])', [eventId, connected])).rows.map(
        (row) => [row.user_id, row.id],
      ),
    );
    const sockets = {
      clients: clients.length,
      withExactlyOne: clients.filter((client) => client.events.length === 1).length,
      withNone: clients.filter((client) => client.events.length === 0).length,
      duplicates: clients.reduce((sum, client) => sum + Math.max(0, client.events.length - 1), 0),
      /** An event whose id is not the inbox row of that client's user for this request. */
      wrong: clients.reduce(
        (sum, client) => sum + client.events.filter((event) => event.payload.id !== rowOf.get(client.userId) || event.payload.data?.requestId !== requestId).length,
        0,
      ),
      disconnects: clients.reduce((sum, client) => sum + client.disconnects, 0),
    };

    const timeline = await jobTimeline(connection, prefix, db, eventId);
    const jobs = timeline.batchJobs;
    for (const client of clients) client.socket.close();
    const cpu = cpuDelta(cpuStart, cpuEnd);
    for (const child of children) await stopChild(child);

    // Profile, on the quiet system: the product's statements on this request, rolled back.
    process.stdout.write('profiling the matching statement and batches…\n');
    const profile = await profileSteps(ctx.get(DataSource), db, redis, prefix, officer, reset.window, requestId, jobs);

    const batchDurations = jobs.map((job) => job.finishedOn! - job.processedOn!);
    const batchSpanMs = Math.max(...jobs.map((job) => job.finishedOn!)) - Math.min(...jobs.map((job) => job.processedOn!));
    const toLastRow = lastRowAt === undefined ? null : lastRowAt - createdAt;
    const toLastEvent = lastEventAt - createdAt;
    const endToEndMs = Math.max(lastRowAt ?? Infinity, lastEventAt) - postAt;
    const lost = expected - inbox.rows + sockets.withNone;
    const duplicated = inbox.rows - inbox.users + sockets.duplicates;
    const rows = await rowCounts(db);
    const result = {
      benchmark: 'fanout',
      at: new Date().toISOString(),
      machine: {
        node: process.version,
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model,
        postgres: rows.postgres,
        loadAverageBefore: loadBefore.map(round),
        loadAverageAfter: loadavg().map(round),
      },
      data: { ...rows.counts, database: DATABASE, policy: 'ring-2019', radiusMeters: FANOUT_RADIUS_METERS, windowHours: 11 },
      loadSeconds,
      setup: {
        processes: 'api (apps/api/src/main.ts: configureApp, RedisIoAdapter, listening) and worker (apps/worker/src/main.ts: WorkerModule) as child processes; clients, polling and baseline in the bench process',
        create: 'POST /api/portal/requests over HTTP to the listening api',
        queuePrefix: prefix,
        notificationConcurrency: base.notifications.concurrency,
        notificationBatchSize: base.notifications.batchSize,
        outboxPollMs: base.outbox.pollMs,
        clients: CLIENTS,
        connectMs: Math.round(connectMs),
        inboxPollMs: POLL_MS,
        inboxPolls: polls,
      },
      fanout: {
        createMs: createdAt - postAt,
        toFirstInboxRowMs: firstRowAt === undefined ? null : firstRowAt - createdAt,
        toLastInboxRowMs: toLastRow,
        toLastSocketEventMs: toLastEvent,
        endToEndMs,
        inboxProgressMs: progress,
        timelineMs: timeline.relative(postAt, createdAt),
        batches: {
          jobs: jobs.length,
          rows: jobs.reduce((sum, job) => sum + Number(job.returnvalue ?? 0), 0),
          retried: jobs.filter((job) => job.attemptsMade > 1).length,
          failed: timeline.failed,
          durationMs: {
            p50: percentile(batchDurations, 50),
            p95: percentile(batchDurations, 95),
            max: Math.max(...batchDurations),
            sum: batchDurations.reduce((sum, ms) => sum + ms, 0),
          },
          spanMs: batchSpanMs,
          /** Sum of batch durations over their span: how many ran at once on average. */
          parallelism: round(batchDurations.reduce((sum, ms) => sum + ms, 0) / batchSpanMs),
          jobsPerSecond: round(jobs.length / (batchSpanMs / 1000)),
          rowsPerSecond: Math.round(expected / (batchSpanMs / 1000)),
        },
        verify: { expected, inbox, sockets, lost, duplicated },
        cpuSeconds: cpu,
      },
      baseline,
      ratio: {
        description: 'product POST → last inbox row and socket event, over raw BullMQ add + no-op processing of 100,000 jobs',
        endToEndVsBaseline: Object.fromEntries(baseline.map((b) => [`${b.options}Concurrency${b.concurrency}`, round(endToEndMs / b.totalMs)])),
        fanOutVsBaseline: Object.fromEntries(baseline.map((b) => [`${b.options}Concurrency${b.concurrency}`, round(Math.max(toLastRow ?? Infinity, toLastEvent) / b.totalMs)])),
        productJobsPerSecond: round(jobs.length / (batchSpanMs / 1000)),
        productRowsPerSecond: Math.round(expected / (batchSpanMs / 1000)),
        rawJobsPerSecond: Object.fromEntries(baseline.map((b) => [`${b.options}Concurrency${b.concurrency}`, b.processJobsPerSecond])),
      },
      profile,
      target: { endToEndMs: TARGET_MS, met: endToEndMs <= TARGET_MS && lost === 0 && duplicated === 0 },
    };
    writeResults(RESULTS, result);
    process.stdout.write(
      `${JSON.stringify({ fanout: { ...result.fanout, inboxProgressMs: undefined }, baseline, ratio: result.ratio, profile: { ...profile, explain: undefined }, target: result.target }, null, 2)}\nwritten to ${RESULTS}\n`,
    );
  } finally {
    for (const client of clients) client.socket.close();
    for (const child of children) await stopChild(child).catch(() => undefined);
    await ctx.close();
    await db.end();
    const removed = await removeKeys(redis, prefix);
    process.stdout.write(`removed ${removed} Redis keys of ${prefix}\n`);
    redis.disconnect();
  }
}

async function connectClient(port: number, userId: string, token: string): Promise<Client> {
  const socket = io(`http://127.0.0.1:${port}${REALTIME_NAMESPACE}`, { auth: { token }, transports: ['websocket'], reconnection: false });
  const client: Client = { userId, socket, events: [], disconnects: 0 };
  socket.on('notification', (payload) => client.events.push({ at: Date.now(), payload }));
  socket.on('disconnect', () => client.disconnects++);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
  return client;
}

function cpuSnapshot(api: Child, worker: Child): CpuSnapshot {
  const usage = process.cpuUsage();
  return {
    at: Date.now(),
    api: cpuSeconds(api.process.pid!),
    worker: cpuSeconds(worker.process.pid!),
    bench: (usage.user + usage.system) / 1e6,
    ...serverCpuSeconds(),
    machine: machineCpu(),
  };
}

function cpuDelta(start: CpuSnapshot, end: CpuSnapshot) {
  const wall = (end.at - start.at) / 1000;
  return {
    wallSeconds: round(wall),
    api: round(end.api - start.api),
    worker: round(end.worker - start.worker),
    bench: round(end.bench - start.bench),
    /** Every PostgreSQL / Redis process on the machine, other sessions' included. */
    postgres: round(end.postgres - start.postgres),
    redis: round(end.redis - start.redis),
    /** Busy share of the machine's cores over the interval (1 = every core busy throughout). */
    machineBusy: round((end.machine.busy - start.machine.busy) / (end.machine.total - start.machine.total)),
  };
}

/** Where the time went, from the rows and jobs the run left: outbox event, plan job, batch jobs. */
async function jobTimeline(connection: ConnectionOptions, prefix: string, db: pg.Pool, eventId: string) {
  const outbox = new Queue('outbox', { connection, prefix });
  const notifications = new Queue('notifications', { connection, prefix });
  try {
    const planJob = await outbox.getJob(eventId);
    const completed = (await notifications.getJobs(['completed'], 0, -1)) as Job<{ eventId: string }>[];
    const failed = (await notifications.getJobs(['failed'], 0, -1)).length;
    const batchJobs = completed.filter((job) => job.data.eventId === eventId);
    const row = (
      await db.query(
        `SELECT extract(epoch FROM e.created_at) * 1000 AS created, extract(epoch FROM e.sent_at) * 1000 AS sent,
                extract(epoch FROM p.processed_at) * 1000 AS planned,
                extract(epoch FROM (SELECT min(created_at) FROM notification WHERE event_id = e.id)) * 1000 AS first_row_clock
         FROM outbox_event e LEFT JOIN processed_event p ON p.event_id = e.id WHERE e.id = $1`,
        [eventId],
      )
    ).rows[0];
    const firstBatchStart = Math.min(...batchJobs.map((job) => job.processedOn!));
    const lastBatchEnd = Math.max(...batchJobs.map((job) => job.finishedOn!));
    return {
      batchJobs,
      failed,
      relative(postAt: number, createdAt: number) {
        const at = (ms: number | undefined | null) => (ms === undefined || ms === null ? null : Math.round(Number(ms) - postAt));
        return {
          zero: 'the POST was sent',
          createTransactionStart: at(row.created),
          response201: createdAt - postAt,
          relayedToOutboxQueue: at(row.sent),
          planJobStarted: at(planJob?.processedOn),
          planTransactionStart: at(row.planned),
          planJobFinished: at(planJob?.finishedOn),
          firstBatchAdded: at(Math.min(...batchJobs.map((job) => job.timestamp))),
          firstBatchStarted: at(firstBatchStart),
          lastBatchFinished: at(lastBatchEnd),
        };
      },
    };
  } finally {
    await outbox.close();
    await notifications.close();
  }
}

/**
 * The steps a fan-out runs, timed one at a time on the same request after the processes have
 * stopped: the matching statement of creation (EXPLAIN ANALYZE, in a rolled-back transaction on a
 * copy of the request), and for a few of the run's batch ranges: the request summary every batch
 * reads, the batch INSERT (for a new event id, rolled back) and 1,000 socket emits of its rows.
 */
async function profileSteps(
  dataSource: DataSource,
  db: pg.Pool,
  redis: Redis,
  prefix: string,
  officer: { id: string; agencyId: string },
  window: FanoutWindow,
  requestId: string,
  jobs: Job[],
) {
  const repository = new NotificationsRepository(dataSource);
  const spec = NOTIFICATION_SPECS['request.created']!;
  const summaryMs: number[] = [];
  const insertMs: number[] = [];
  const emitCallMs: number[] = [];
  const emitFlushMs: number[] = [];
  // Nobody listens on this key: the emits measure the worker's side (encode + PUBLISH) only.
  const emitter = new Emitter(redis, { key: `${prefix}-profile-socket.io` }).of(REALTIME_NAMESPACE);
  // Only the keyset range of a job: its event id stays the new one, or every row would conflict.
  const ranges = jobs
    .map(({ data }) => ({ after: data.after as string | null, upTo: data.upTo as string | null }))
    .filter((range) => range.after !== null && range.upTo !== null)
    .slice(0, PROFILE_BATCHES);
  const rowsPerBatch: number[] = [];
  let insertPlan = '';
  for (const range of ranges) {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const manager: EntityManager = runner.manager;
      let start = performance.now();
      const summary = (await repository.requestSummary(manager, requestId))!;
      summaryMs.push(performance.now() - start);
      const batch = {
        eventId: randomUUID(),
        type: 'request.created',
        audience: spec.audience,
        requestId,
        agencyId: officer.agencyId,
        overrideId: null,
        ...range,
        ...spec.message(summary),
        channels: channelsOf(spec, summary),
        createdAt: new Date(),
      };
      start = performance.now();
      const created: Notification[] = await repository.insertBatch(manager, batch);
      insertMs.push(performance.now() - start);
      rowsPerBatch.push(created.length);
      start = performance.now();
      for (const notification of created) emitter.to(userRoom(notification.userId)).emit('notification', toNotificationResponse(notification));
      emitCallMs.push(performance.now() - start);
      await redis.ping();
      emitFlushMs.push(performance.now() - start);
      if (insertPlan === '') {
        // A new event id, or every row of the batch just inserted would conflict.
        insertPlan = await explain(manager, await captureStatement((m) => repository.insertBatch(m, { ...batch, eventId: randomUUID() }), []));
      }
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  }
  const match = await explainMatching(db, officer, window);
  const summaryPlan = await explain(viaPg(db), await captureStatement((m) => repository.requestSummary(m, requestId)));
  const median = (values: number[]) => round(percentile(values, 50));
  return {
    note: 'measured after the run, processes stopped, each batch step in a rolled-back transaction; medians of the batches tried',
    batchesTried: ranges.length,
    rowsPerBatch,
    areaMatchMs: match.areaMatchMs,
    matchingStatementMs: match.ms,
    batch: {
      requestSummaryMs: median(summaryMs),
      insertMs: median(insertMs),
      emit1000CallMs: median(emitCallMs),
      emit1000FlushedMs: median(emitFlushMs),
    },
    explain: { matching: match.plan, batchInsert: insertPlan, requestSummary: summaryPlan },
  };
}

// The requests benchmark's raw request row: the matching statement reads its area and window.
const RAW_REQUEST = `INSERT INTO footage_request (agency_id, officer_id, case_number, incident_type, description,
    window_start, window_end, area, area_radius_meters, area_square_meters, policy_profile, delivery, expires_at, created_at)
  VALUES ($1, $2, $3, 'burglary', 'profile', $4, $5, ST_SetSRID(ST_MakePoint($6, $7), 4326)::geography, $8::float8,
          pi() * $8::float8 ^ 2, 'ring-2019', 'private', now() + interval '7 days', now())
  RETURNING id`;

/**
 * The matching steps for a copy of the request, rolled back: the area match (AreaCamerasRepository's
 * statement, timed) and RequestsRepository.match's statement under EXPLAIN ANALYZE.
 */
function explainMatching(db: pg.Pool, officer: { id: string; agencyId: string }, window: FanoutWindow) {
  return inRolledBack(db, async (client) => {
    const { rows } = await client.query(RAW_REQUEST, [
      officer.agencyId, officer.id, `PROFILE-${randomUUID()}`, window.start, window.end, FANOUT_CENTER.lng, FANOUT_CENTER.lat, FANOUT_RADIUS_METERS,
    ]);
    let start = performance.now();
    const cameras = await new AreaCamerasRepository().within(viaPg(client), { center: FANOUT_CENTER, radiusMeters: FANOUT_RADIUS_METERS });
    const areaMatchMs = performance.now() - start;
    // ring-2019, as the run's request: owners who never chose receive.
    const audience = audienceOf(cameras, 'receive');
    const matching = await captureStatement((m) => new RequestsRepository(undefined as unknown as DataSource).match(m, rows[0].id, window, audience));
    start = performance.now();
    const plan = await explain(viaPg(client), matching);
    return { areaMatchMs: round(areaMatchMs), ms: round(performance.now() - start), plan };
  });
}

async function rowCounts(db: pg.Pool) {
  const { rows } = await db.query<Record<string, string>>(
    `SELECT (SELECT count(*) FROM app_user WHERE role = 'resident') AS owners,
            (SELECT count(*) FROM camera) AS cameras,
            (SELECT count(*) FROM recording) AS recordings,
            current_setting('server_version') AS postgres`,
  );
  const { postgres, ...counts } = rows[0]!;
  return { postgres, counts: Object.fromEntries(Object.entries(counts).map(([key, n]) => [key, Number(n)])) };
}

/** Every key of this run's prefix (queues of the product and the baseline). */
async function removeKeys(redis: Redis, prefix: string): Promise<number> {
  let removed = 0;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) removed += await redis.unlink(...keys);
  } while (cursor !== '0');
  return removed;
}

