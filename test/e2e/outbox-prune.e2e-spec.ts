import { ClockModule, DueTaskRegistry } from '@app/clock';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { OUTBOX_PRUNE_TASK, OutboxPruneModule, OutboxPruneTask } from '@app/outbox';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TestingModule } from '@nestjs/testing';
import { Test } from '@nestjs/testing';
import { useTestContext } from '../support/test-context.js';

describe('delivered outbox events are pruned after OUTBOX_RETENTION_DAYS, unsent ones never', () => {
  // The pruning module alone, without the worker's relay and clock tick, so nothing else sends
  // or prunes the rows this file writes.
  const ctx = useTestContext({ env: { OUTBOX_RETENTION_DAYS: '7' } });
  let pruning: TestingModule;

  beforeAll(async () => {
    pruning = await Test.createTestingModule({ imports: [ConfigModule.forRoot(ctx.config), DatabaseModule, ClockModule, OutboxPruneModule] }).compile();
    pruning.useLogger(false);
    await pruning.init();
  });
  afterAll(() => pruning?.close());

  it('registers as a due task, so the worker’s clock tick runs it', () => {
    expect(pruning.get(DueTaskRegistry).names).toContain(OUTBOX_PRUNE_TASK);
  });

  it('deletes events sent, and marks written, over 7 days ago; keeps recent ones and every unsent one', async () => {
    const ids = await ctx.dataSource.query(
      `INSERT INTO outbox_event (type, payload, created_at, sent_at) VALUES
         ('test.old', '{}', now() - interval '9 days', now() - interval '8 days'),
         ('test.recent', '{}', now() - interval '2 days', now() - interval '6 days 23 hours'),
         ('test.unsent', '{}', now() - interval '30 days', NULL)
       RETURNING id, type`,
    );
    const idOf = (type: string) => ids.find((row: { type: string }) => row.type === type).id;
    await ctx.dataSource.query(
      `INSERT INTO processed_event (event_id, handler, processed_at) VALUES ($1, 'h', now() - interval '8 days'), ($2, 'h', now() - interval '1 day')`,
      [idOf('test.old'), idOf('test.recent')],
    );

    expect(await pruning.get(OutboxPruneTask).prune()).toEqual({ events: 1, processed: 1 });
    const left = await ctx.dataSource.query(`SELECT type FROM outbox_event WHERE type LIKE 'test.%' ORDER BY type`);
    expect(left).toEqual([{ type: 'test.recent' }, { type: 'test.unsent' }]);
    expect(await ctx.dataSource.query('SELECT event_id FROM processed_event')).toEqual([{ event_id: idOf('test.recent') }]);
  });
});
