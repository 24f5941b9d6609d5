import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { testConfig } from '../../../../test/support/test-config.js';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { waitFor } from '../../../../test/support/wait-for.js';
import { World } from '../world.js';
import { WorldModule } from '../world.module.js';

/** A promise and the function that settles it: lets a test hold work open until it says so. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('the world fence: work of an old world never acts on the new one', () => {
  let db: TestDatabase;
  let moduleRef: TestingModule;
  let world: World;
  let dataSource: DataSource;

  /** A reset's first step, in a transaction of its own; resolves with the new generation once committed. */
  const reset = () => dataSource.transaction((manager) => world.advance(manager));
  /** Advisory locks of this test's database (pg_locks shows every database's) in the given state. */
  const fenceLocks = async (state: 'granted' | 'waiting', mode = '%') =>
    (
      await dataSource.query(
        `SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted = $1 AND mode LIKE $2
           AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        [state === 'granted', mode],
      )
    ).length > 0;
  /** Whether some session waits for the fence (a reset, or work queued behind one). */
  const someoneWaitsForTheFence = () => fenceLocks('waiting');

  beforeAll(async () => {
    db = await createTestDatabase();
    moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(testConfig(db.url)), DatabaseModule, WorldModule],
    }).compile();
    await moduleRef.init();
    world = moduleRef.get(World);
    dataSource = moduleRef.get<DataSource>(getDataSourceToken());
  });
  afterAll(async () => {
    await moduleRef?.close();
    await db?.drop();
  });

  it('starts at generation 1, and each reset starts the next', async () => {
    const first = await world.generation();
    expect(first).toBeGreaterThanOrEqual(1);
    expect(await reset()).toBe(first + 1);
    expect(await world.generation()).toBe(first + 1);
  });

  it('runs work stamped with the current world, and tells it which world that is', async () => {
    const current = await world.generation();
    expect(await world.run(current, async (_manager, generation) => generation)).toEqual({ stale: false, result: current });
    expect(await world.run('current', async (_manager, generation) => generation)).toEqual({ stale: false, result: current });
  });

  it('does nothing for work stamped with a world that a reset has replaced', async () => {
    const old = await world.generation();
    await reset();
    let ran = false;
    expect(await world.run(old, async () => void (ran = true))).toEqual({ stale: true });
    expect(ran).toBe(false);
  });

  it('makes a reset wait until the running work, effects after its commit included, has ended', async () => {
    const current = await world.generation();
    const work = gate();
    const order: string[] = [];
    const running = world.run(current, async () => {
      await work.opened;
      order.push('work ended');
    });
    // The work holds the fence before the reset asks for it.
    await waitFor(() => fenceLocks('granted', 'ShareLock'), { what: 'the work to hold the fence' });
    const resetting = reset().then(() => order.push('reset'));
    await waitFor(someoneWaitsForTheFence, { what: 'the reset to wait for the work' });
    expect(order).toEqual([]);
    work.open();
    await Promise.all([running, resetting]);
    expect(order).toEqual(['work ended', 'reset']);
  });

  it('holds work that starts during a reset until the reset is done: the old world’s finds it gone, the current one’s gets the new world', async () => {
    const old = await world.generation();
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await world.advance(runner.manager);
      let ran = false;
      const late = world.run(old, async () => void (ran = true));
      const current = world.run('current', async (_manager, generation) => generation);
      await waitFor(someoneWaitsForTheFence, { what: 'the work to wait for the reset' });
      await runner.commitTransaction();
      expect(await late).toEqual({ stale: true });
      expect(ran).toBe(false);
      expect(await current).toEqual({ stale: false, result: old + 1 });
    } finally {
      await runner.release();
    }
    expect(await fenceLocks('granted')).toBe(false);
  });

  it('keeps a reset out of a transaction that joined the world until that transaction ends', async () => {
    const order: string[] = [];
    const transaction = gate();
    const joined = gate();
    const inTransaction = dataSource.transaction(async (manager) => {
      order.push(`joined ${await world.join(manager)}`);
      joined.open();
      await transaction.opened;
      order.push('committed');
    });
    await joined.opened;
    const resetting = reset().then((generation) => order.push(`reset to ${generation}`));
    await waitFor(someoneWaitsForTheFence, { what: 'the reset to wait for the transaction' });
    transaction.open();
    await Promise.all([inTransaction, resetting]);
    const current = await world.generation();
    expect(order).toEqual([`joined ${current - 1}`, 'committed', `reset to ${current}`]);
  });

  it('lets work of one world run side by side: the fence is shared', async () => {
    const current = await world.generation();
    const both = gate();
    let inside = 0;
    const work = () =>
      world.run(current, async () => {
        inside++;
        if (inside === 2) both.open();
        await both.opened;
      });
    await expect(Promise.all([work(), work()])).resolves.toHaveLength(2);
  });
});
