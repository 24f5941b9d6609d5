import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { QueueModule } from '@app/queue';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { Queue } from 'bullmq';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { testConfig } from '../../../../test/support/test-config.js';
import { waitFor } from '../../../../test/support/wait-for.js';
import { Clock } from '../clock.js';
import { ClockModule } from '../clock.module.js';
import { DueTaskRegistry } from '../due-tasks.js';
import { CLOCK_QUEUE, CLOCK_TICK_SCHEDULER_ID } from '../jobs/clock-queue.js';
import { ClockSettler } from '../jobs/clock-settler.js';
import { ClockSettlerModule } from '../jobs/clock-settler.module.js';
import { ClockTickModule } from '../jobs/clock-tick.module.js';

const TICK_SECONDS = 1;

describe('clock tick and settle', () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  let registry: DueTaskRegistry;
  let settler: ClockSettler;
  let clock: Clock;

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = testConfig(db.url, { CLOCK_TICK_SECONDS: String(TICK_SECONDS), CLOCK_SETTLE_TIMEOUT_MS: '10000' });
    // Worker side (ClockTickModule) and api side (ClockSettlerModule) share one queue prefix.
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(config), DatabaseModule, QueueModule, ClockModule, ClockTickModule, ClockSettlerModule],
    }).compile();
    moduleRef.useLogger(false);
    app = await moduleRef.init();
    registry = app.get(DueTaskRegistry);
    settler = app.get(ClockSettler);
    clock = app.get(Clock);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('keeps one repeatable tick every CLOCK_TICK_SECONDS', async () => {
    const queue = app.get<Queue>(getQueueToken(CLOCK_QUEUE), { strict: false });
    // Scheduled in the background at bootstrap, so that a worker starts even while Redis is away.
    await waitFor(async () => (await queue.getJobScheduler(CLOCK_TICK_SCHEDULER_ID)) !== undefined, { what: 'the scheduler' });
    expect((await queue.getJobScheduler(CLOCK_TICK_SCHEDULER_ID))?.every).toBe(TICK_SECONDS * 1000);
  });

  it('runs due tasks on the repeatable tick with nobody settling', async () => {
    let runs = 0;
    registry.register({ name: 'counts-ticks', runDue: async () => void runs++ });
    await waitFor(() => runs >= 2, { what: 'two ticks' });
  });

  it('settles only after every due task has finished, at the sandbox time', async () => {
    const seen: Date[] = [];
    let finished = false;
    registry.register({
      name: 'slow-task',
      runDue: async (now) => {
        finished = false;
        seen.push(now);
        await new Promise((resolve) => setTimeout(resolve, 300));
        finished = true;
      },
    });
    const target = await clock.setNow(new Date(Date.now() + 7 * 86400_000));
    expect(await settler.settle()).toBe('ready');
    expect(finished).toBe(true);
    expect(seen.at(-1)!.getTime()).toBeGreaterThanOrEqual(target.getTime());
  });

  it('stands still at a frozen instant, for due tasks too, until it is set again', async () => {
    const frozen = new Date('2031-03-01T12:00:00.000Z');
    await clock.freezeAt(frozen);
    const seen: Date[] = [];
    registry.register({ name: 'frozen-task', runDue: async (now) => void seen.push(now) });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await clock.now()).toEqual(frozen);
    expect(await settler.settle()).toBe('ready');
    expect(seen.at(-1)).toEqual(frozen);
    // While frozen, the offset is what separates the frozen instant from real time, as it passes.
    const before = Date.now();
    const offset = await clock.offsetMs();
    const after = Date.now();
    expect(offset).toBeLessThanOrEqual(frozen.getTime() - before);
    expect(offset).toBeGreaterThanOrEqual(frozen.getTime() - after);
    await clock.setNow(frozen);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await clock.now()).getTime()).toBeGreaterThan(frozen.getTime());
  });

  it('answers pending, not ready, when a due task fails', async () => {
    let failing = true;
    registry.register({
      name: 'failing-task',
      runDue: async () => {
        if (failing) throw new Error('boom');
      },
    });
    try {
      expect(await settler.settle()).toBe('pending');
    } finally {
      failing = false;
    }
    expect(await settler.settle()).toBe('ready');
  });

  it('starts and shuts down while Redis is unreachable (the tick waits for Redis, not the worker)', async () => {
    const config = testConfig(db.url, { REDIS_URL: 'redis://127.0.0.1:6390?disconnectTimeout=10' });
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(config), DatabaseModule, QueueModule, ClockModule, ClockTickModule],
    }).compile();
    moduleRef.useLogger(false);
    const worker = await moduleRef.init();
    await worker.close();
  });
});
