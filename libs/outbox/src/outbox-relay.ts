import { AppConfig } from '@app/config';
import { Pipelines, withTimeout } from '@app/queue';
import { World } from '@app/world';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { OUTBOX_PIPELINE, OUTBOX_QUEUE, type OutboxEventPayloads, type OutboxEventType, type OutboxJobData } from './outbox-event.js';
import { OutboxDispatcher } from './outbox-dispatcher.js';
import { OutboxEnqueueFailedError } from './outbox.errors.js';

/** A row as OutboxService.publish wrote it, so its type and payload match. */
interface ClaimedRow {
  id: string;
  type: OutboxEventType;
  payload: OutboxEventPayloads[OutboxEventType];
  occurredAt: Date;
}

/**
 * Moves committed outbox rows into BullMQ. Rows are claimed with FOR UPDATE SKIP LOCKED, so any
 * number of relays share the work without taking the same row, and marked sent in the same
 * transaction as the enqueue: if Redis fails, the rollback leaves them for the next round.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private loop: Promise<void> | undefined;
  private stopping = false;
  private wake: (() => void) | undefined;
  /** An addBulk that timed out but may still reach Redis later (see enqueue). */
  private unsettledEnqueue: Promise<unknown> | undefined;

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(OUTBOX_QUEUE) private readonly queue: Queue<OutboxJobData>,
    private readonly world: World,
    private readonly pipelines: Pipelines,
    private readonly dispatcher: OutboxDispatcher,
  ) {}

  /** Queued pipelines: the relay loop starts. Inline: the process's drains deliver the events. */
  onApplicationBootstrap(): void {
    if (this.pipelines.inline) {
      this.pipelines.register({ name: OUTBOX_PIPELINE, drainOnce: () => this.deliverInline() });
      return;
    }
    this.loop = this.run();
  }

  /**
   * Inline pipelines: every unsent event, oldest first, handed to its handlers here instead of to
   * the queue (the same handlers, once each), in the current world. A batch is marked sent and
   * delivered in one transaction (OutboxDispatcher.dispatchWithin): if a handler fails, the batch
   * stays unsent for the next drain. Events the handlers publish are delivered in turn; a batch
   * shorter than the batch size was all there was, so the next read happens only when a handler
   * published again.
   */
  private async deliverInline(): Promise<void> {
    await this.world.run('current', async (manager, world) => {
      for (let more = true; more; ) {
        more = await manager.transaction(async (tx) => {
          const rows: ClaimedRow[] = await tx.query(
            `WITH sent AS (
               UPDATE outbox_event SET sent_at = clock_timestamp(), attempts = attempts + 1
               WHERE id IN (SELECT id FROM outbox_event WHERE sent_at IS NULL ORDER BY created_at, id LIMIT $1)
               RETURNING id, type, payload, occurred_at, created_at
             )
             SELECT id, type, payload, occurred_at AS "occurredAt" FROM sent ORDER BY created_at, id`,
            [this.config.outbox.batchSize],
          );
          for (const row of rows) {
            await this.dispatcher.dispatchWithin({ id: row.id, type: row.type, payload: row.payload, world, occurredAt: row.occurredAt }, tx);
          }
          return rows.length === this.config.outbox.batchSize || this.pipelines.take(OUTBOX_PIPELINE);
        });
      }
    });
  }

  /** Before the queue and the database close (their own shutdown hooks), finish the round. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
  }

  /** One round: relays up to `batchSize` events and returns how many. Throws when Redis fails. */
  async relayOnce(): Promise<number> {
    if (this.unsettledEnqueue) {
      throw new OutboxEnqueueFailedError('Redis has not answered the previous enqueue yet');
    }
    let claimedIds: string[] = [];
    try {
      return await this.dataSource.transaction(async (manager) => {
        // Before any row is locked (see World.join); the jobs carry the events' world.
        const world = await this.world.join(manager);
        const rows: ClaimedRow[] = await manager.query(
          `SELECT id, type, payload, occurred_at AS "occurredAt" FROM outbox_event
           WHERE sent_at IS NULL ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
          [this.config.outbox.batchSize],
        );
        if (rows.length === 0) return 0;
        claimedIds = rows.map((row) => row.id);
        await this.enqueue(rows, world);
        await manager.query(
          'UPDATE outbox_event SET sent_at = clock_timestamp(), attempts = attempts + 1 WHERE id = ANY($1::uuid[])',
          [claimedIds],
        );
        return rows.length;
      });
    } catch (error) {
      if (claimedIds.length > 0) await this.countFailedAttempt(claimedIds);
      throw error;
    }
  }

  private async enqueue(rows: ClaimedRow[], world: number): Promise<void> {
    const jobs = rows.map((row) => ({
      name: row.type,
      data: { eventId: row.id, type: row.type, payload: row.payload, world, occurredAt: row.occurredAt.toISOString() },
      opts: { jobId: row.id },
    }));
    // BullMQ's client keeps commands while Redis is away and would wait forever, holding the row
    // locks. If they still reach Redis after the timeout, the next round adds the same job ids
    // again, which BullMQ ignores (and processed_event guards beyond that). Until they settle no
    // new round starts, so a long outage does not pile up batches in memory.
    const adding = this.queue.addBulk(jobs);
    this.unsettledEnqueue = adding;
    const settled = (): void => {
      if (this.unsettledEnqueue === adding) this.unsettledEnqueue = undefined;
    };
    adding.then(settled, settled);
    try {
      await withTimeout(adding, this.config.outbox.enqueueTimeoutMs, 'Redis');
    } catch (error) {
      throw new OutboxEnqueueFailedError(`Could not enqueue ${rows.length} outbox event(s): ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * After the rollback, in its own statement: counting inside the rolled-back transaction would be
   * undone with it. Rows another relay has claimed meanwhile are skipped, not waited for.
   */
  private async countFailedAttempt(ids: string[]): Promise<void> {
    try {
      await this.dataSource.query(
        `UPDATE outbox_event SET attempts = attempts + 1 WHERE id IN (
           SELECT id FROM outbox_event WHERE id = ANY($1::uuid[]) AND sent_at IS NULL FOR UPDATE SKIP LOCKED)`,
        [ids],
      );
    } catch (error) {
      this.logger.warn({ err: error }, 'could not count a failed outbox relay attempt');
    }
  }

  private async run(): Promise<void> {
    let failing = false;
    while (!this.stopping) {
      let relayed = 0;
      try {
        relayed = await this.relayOnce();
        if (failing) this.logger.log('outbox relay recovered');
        failing = false;
      } catch (error) {
        // Once per outage, not once per round.
        if (!failing) this.logger.warn({ err: error }, 'outbox relay failing; events stay unsent and are retried');
        failing = true;
      }
      // A full batch means more may be waiting: go again at once instead of sleeping.
      if (relayed < this.config.outbox.batchSize) await this.pause(this.config.outbox.pollMs);
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
