import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ClockModule } from '@app/clock';
import { ConfigModule, type AppConfig } from '@app/config';
import { DatabaseModule } from '@app/database';
import { Pipelines, QueueModule } from '@app/queue';
import { getQueueToken } from '@nestjs/bullmq';
import { Module, type OnModuleInit } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { startApi, startWorker } from '../../../../test/support/test-app.js';
import { testConfig } from '../../../../test/support/test-config.js';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { waitFor } from '../../../../test/support/wait-for.js';
import { OUTBOX_QUEUE, type OutboxJobData } from '../outbox-event.js';
import { OutboxHandlerRegistry } from '../outbox-handler.registry.js';
import { OutboxRelay } from '../outbox-relay.js';
import { OutboxRelayModule } from '../outbox-relay.module.js';
import { OutboxService } from '../outbox.service.js';

const TYPE = 'test.ping';

// The spec's own event, declared the way a context declares its events (see requests.events.ts).
declare module '@app/outbox' {
  interface OutboxEventPayloads {
    [TYPE]: { n?: number; hello?: string };
  }
}
const HANDLER = 'test-effect';

/** A consumer whose effect is a row in test_effect (no unique key: a second run would show). */
@Module({ imports: [OutboxRelayModule] })
class EffectHandlerModule implements OnModuleInit {
  constructor(private readonly registry: OutboxHandlerRegistry) {}

  onModuleInit(): void {
    this.registry.register(TYPE, HANDLER, async (event, manager) => {
      await manager.query('INSERT INTO test_effect (event_id, handler, payload) VALUES ($1, $2, $3)', [
        event.id,
        HANDLER,
        event.payload,
      ]);
    });
  }
}

/** Fails while `failing` says so: the second handler of the test event, after the effect's. */
const flaky = { failing: false };
@Module({ imports: [OutboxRelayModule] })
class FlakyHandlerModule implements OnModuleInit {
  constructor(private readonly registry: OutboxHandlerRegistry) {}

  onModuleInit(): void {
    this.registry.register(TYPE, 'test-flaky', async () => {
      if (flaky.failing) throw new Error('the flaky handler failed');
    });
  }
}

interface RelayContext {
  relay: OutboxRelay;
  outbox: OutboxService;
  queue: Queue<OutboxJobData>;
  dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * A relay with its own database pool and Redis connection. Unless started, it is compiled but not
 * initialised: neither the relay loop nor the processor runs, so the test alone calls relayOnce.
 */
async function relayContext(config: AppConfig, { start = false } = {}): Promise<RelayContext> {
  const moduleRef = await Test.createTestingModule({
    imports: [ConfigModule.forRoot(config), DatabaseModule, QueueModule, ClockModule, OutboxRelayModule],
  }).compile();
  moduleRef.useLogger(false);
  if (start) await moduleRef.init();
  return {
    relay: moduleRef.get(OutboxRelay),
    outbox: moduleRef.get(OutboxService),
    queue: moduleRef.get(getQueueToken(OUTBOX_QUEUE)),
    dataSource: moduleRef.get(getDataSourceToken()),
    close: () => moduleRef.close(),
  };
}

async function relayUntilEmpty(relay: OutboxRelay): Promise<number> {
  let total = 0;
  for (let relayed = await relay.relayOnce(); relayed > 0; relayed = await relay.relayOnce()) total += relayed;
  return total;
}

describe('outbox: events leave with their transaction, exactly once', () => {
  let db: TestDatabase;
  let config: AppConfig;
  let main: RelayContext;

  const publish = (count: number): Promise<string[]> =>
    main.dataSource.transaction(async (manager) => {
      const ids: string[] = [];
      for (let n = 0; n < count; n++) ids.push(await main.outbox.publish(manager, TYPE, { n }));
      return ids;
    });

  const rowOf = async (id: string): Promise<{ sent_at: Date | null; attempts: number } | undefined> =>
    (await main.dataSource.query('SELECT sent_at, attempts FROM outbox_event WHERE id = $1', [id]))[0];

  const effects = async (ids: string[]): Promise<{ total: number; distinct: number }> => {
    const [row] = await main.dataSource.query(
      'SELECT count(*)::int AS total, count(DISTINCT event_id)::int AS "distinct" FROM test_effect WHERE event_id = ANY($1::uuid[])',
      [ids],
    );
    return row;
  };

  const jobCompleted = async (id: string): Promise<boolean> =>
    (await (await main.queue.getJob(id))?.getState()) === 'completed';

  beforeAll(async () => {
    db = await createTestDatabase();
    // Small batches so that concurrent relays interleave over many rounds.
    config = testConfig(db.url, { OUTBOX_BATCH_SIZE: '25' });
    main = await relayContext(config);
    await main.dataSource.query('CREATE TABLE test_effect (event_id uuid NOT NULL, handler text NOT NULL, payload jsonb NOT NULL)');
  });
  afterAll(async () => {
    await main?.queue.obliterate({ force: true });
    await main?.close();
    await db?.drop();
  });

  it('never delivers an event whose transaction rolled back', async () => {
    let eventId = '';
    await expect(
      main.dataSource.transaction(async (manager) => {
        eventId = await main.outbox.publish(manager, TYPE, { n: 0 });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');

    expect(await main.relay.relayOnce()).toBe(0);
    expect(await rowOf(eventId)).toBeUndefined();
    expect(await main.queue.getJob(eventId)).toBeUndefined();
  });

  it('refuses to publish outside a transaction, where the event could outlive a failed change', async () => {
    await expect(main.outbox.publish(main.dataSource.manager, TYPE, {})).rejects.toThrow(/inside the transaction/);
  });

  it('delivers each of 500 events exactly once while two relays run at the same time', async () => {
    const ids = await publish(500);
    const [a, b] = await Promise.all([relayContext(config), relayContext(config)]);
    try {
      const [byA, byB] = await Promise.all([relayUntilEmpty(a.relay), relayUntilEmpty(b.relay)]);
      // A row claimed by both relays would be counted twice.
      expect(byA + byB).toBe(500);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }

    const [rows] = await main.dataSource.query(
      `SELECT count(*) FILTER (WHERE sent_at IS NULL)::int AS unsent, count(*) FILTER (WHERE attempts <> 1)::int AS retried
       FROM outbox_event WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    expect(rows).toEqual({ unsent: 0, retried: 0 });
    const jobs = await Promise.all(ids.map((id) => main.queue.getJob(id)));
    expect(jobs.map((job) => job?.data.eventId)).toEqual(ids);
    expect(new Set(jobs.map((job) => job?.name))).toEqual(new Set([TYPE]));

    const worker = await startWorker(config, [EffectHandlerModule]);
    try {
      await waitFor(async () => (await effects(ids)).total >= 500, { timeoutMs: 30_000, what: '500 effects' });
      const idle = async (): Promise<boolean> =>
        Object.values(await main.queue.getJobCounts('active', 'waiting', 'delayed')).every((count) => count === 0);
      await waitFor(idle, { what: 'an idle queue' });
      expect(await effects(ids)).toEqual({ total: 500, distinct: 500 });
    } finally {
      await worker.close();
    }
  });

  const withoutRedis = (): AppConfig =>
    testConfig(db.url, {
      // Nothing listens on 6390. disconnectTimeout: ioredis otherwise keeps a 2 s timer alive
      // after closing a connection that never opened, which holds up the jest worker's exit.
      REDIS_URL: 'redis://127.0.0.1:6390?disconnectTimeout=10',
      QUEUE_PREFIX: config.redis.queuePrefix,
      OUTBOX_ENQUEUE_TIMEOUT_MS: '300',
    });

  it('keeps an event unsent while Redis is unreachable, then delivers it through a relay that reaches Redis', async () => {
    const unreachable = await relayContext(withoutRedis());
    const [eventId] = await publish(1);
    try {
      await expect(unreachable.relay.relayOnce()).rejects.toMatchObject({ code: 'OUTBOX_ENQUEUE_FAILED' });
    } finally {
      await unreachable.close();
    }
    expect(await rowOf(eventId!)).toEqual({ sent_at: null, attempts: 1 });

    expect(await relayUntilEmpty(main.relay)).toBe(1);
    expect(await rowOf(eventId!)).toEqual({ sent_at: expect.any(Date), attempts: 2 });
    expect((await main.queue.getJob(eventId!))?.data).toEqual({ eventId, type: TYPE, payload: { n: 0 }, world: 1, occurredAt: expect.any(String) });
  });

  it('lets a worker without Redis keep its events waiting and still shut down', async () => {
    const [eventId] = await publish(1);
    const worker = await relayContext(withoutRedis(), { start: true });
    try {
      await waitFor(async () => (await rowOf(eventId!))!.attempts > 0, { what: 'a failed relay round' });
    } finally {
      // Would never return if shutdown waited for Redis (BullMQ's graceful worker close does).
      await worker.close();
    }
    expect(await rowOf(eventId!)).toMatchObject({ sent_at: null });
    expect(await relayUntilEmpty(main.relay)).toBe(1);
  });

  it('gives an event relayed again after its job was gone (crash before commit) no second effect', async () => {
    const worker = await startWorker(config, [EffectHandlerModule]);
    try {
      const [eventId] = await publish(1);
      await waitFor(() => jobCompleted(eventId!), { what: 'the first delivery' });
      expect(await effects([eventId!])).toEqual({ total: 1, distinct: 1 });

      // As if the relay died after addBulk but before its commit, and BullMQ had since dropped
      // the completed job: the row is unsent again and the job id is free.
      await (await main.queue.getJob(eventId!))!.remove();
      await main.dataSource.query('UPDATE outbox_event SET sent_at = NULL WHERE id = $1', [eventId]);
      // The job can complete before the relay that added it commits: wait for both.
      const redelivered = async (): Promise<boolean> =>
        (await jobCompleted(eventId!)) && (await rowOf(eventId!))!.sent_at !== null;
      await waitFor(redelivered, { what: 'the second delivery' });

      expect(await rowOf(eventId!)).toMatchObject({ attempts: 2 });
      expect(await effects([eventId!])).toEqual({ total: 1, distinct: 1 });
    } finally {
      await worker.close();
    }
  });

  it('gives concurrent duplicate jobs of one event a single effect', async () => {
    const worker = await startWorker(config, [EffectHandlerModule]);
    try {
      const eventId = '0b5f3f4e-8d0c-4a8e-9d55-3c7d1f0b9a01';
      const data: OutboxJobData = { eventId, type: TYPE, payload: { n: 0 }, world: 1 };
      const jobIds = ['dup-1', 'dup-2', 'dup-3', 'dup-4'];
      await main.queue.addBulk(jobIds.map((jobId) => ({ name: TYPE, data, opts: { jobId } })));
      await waitFor(async () => (await Promise.all(jobIds.map(jobCompleted))).every(Boolean), { what: 'all duplicates' });
      expect(await effects([eventId])).toEqual({ total: 1, distinct: 1 });
    } finally {
      await worker.close();
    }
  });

  it('runs the handler once for an event published in an api transaction (end to end)', async () => {
    const worker = await startWorker(config, [EffectHandlerModule]);
    try {
      const api = await startApi(config);
      try {
        const dataSource = api.app.get<DataSource>(getDataSourceToken());
        const outbox = api.app.get(OutboxService);
        const eventId = await dataSource.transaction((manager) => outbox.publish(manager, TYPE, { hello: 'porchlight' }));

        await waitFor(() => jobCompleted(eventId), { what: 'the delivery' });
        expect(await main.dataSource.query('SELECT handler, payload FROM test_effect WHERE event_id = $1', [eventId])).toEqual([
          { handler: HANDLER, payload: { hello: 'porchlight' } },
        ]);
      } finally {
        await api.close();
      }
    } finally {
      await worker.close();
    }
  });

  it('inline: delivers batches in order, each in one transaction with its sent mark, so a failing handler leaves the batch for the next drain', async () => {
    const inline = await Test.createTestingModule({
      imports: [ConfigModule.forRoot({ ...config, redis: { ...config.redis, pipelines: 'inline' } } as AppConfig), DatabaseModule, QueueModule, ClockModule, EffectHandlerModule, FlakyHandlerModule],
    }).compile();
    inline.useLogger(false);
    await inline.init();
    try {
      const pipelines = inline.get(Pipelines);
      await pipelines.drain();
      // Published through the inline product itself: its drain knows of its own events only.
      const outbox = inline.get(OutboxService);
      const ids = await inline.get<DataSource>(getDataSourceToken()).transaction(async (manager) => {
        const published: string[] = [];
        for (let n = 0; n < 60; n++) published.push(await outbox.publish(manager, TYPE, { n }));
        return published;
      });
      flaky.failing = true;
      await expect(pipelines.drain()).rejects.toThrow('the flaky handler failed');
      // The first batch (25) rolled back whole: no effect, no sent mark.
      expect(await effects(ids)).toEqual({ total: 0, distinct: 0 });
      expect((await rowOf(ids[0]!))?.sent_at).toBeNull();

      flaky.failing = false;
      await pipelines.drain();
      expect(await effects(ids)).toEqual({ total: 60, distinct: 60 });
      // Oldest first: one transaction's events share created_at, and then go by id.
      const delivered = await main.dataSource.query('SELECT event_id AS id FROM test_effect WHERE event_id = ANY($1::uuid[]) ORDER BY ctid', [ids]);
      expect(delivered).toEqual(await main.dataSource.query('SELECT id FROM outbox_event WHERE id = ANY($1::uuid[]) ORDER BY created_at, id', [ids]));
      expect(await Promise.all(ids.map(async (id) => (await rowOf(id))?.attempts))).toEqual(Array(60).fill(1));
    } finally {
      flaky.failing = false;
      await inline.close();
    }
  });
});
