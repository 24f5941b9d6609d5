import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Key of the advisory lock that fences the world: 'PL_WORLD' in ASCII as a bigint. Work of a
 * world holds it shared; a sandbox reset holds it exclusively while it empties the tables.
 */
const WORLD_FENCE = '5786104449861831748';

/** What `run` answers: the work's result, or that the world it belonged to is gone. */
export type InWorld<T> = { stale: false; result: T } | { stale: true };

/**
 * The sandbox's world: everything since the last reset. Its generation (table `sandbox_world`,
 * never emptied) goes up by one with each reset. Jobs carry the generation they were queued in,
 * and do their work through `run`, which holds the fence shared: a reset (`advance`) waits for
 * the work in progress to end, and work that starts after it finds its generation gone and does
 * nothing. So nothing of an old world writes a row or pushes an event into the next one, however
 * late its job arrives — a check made before the work would not do: the reset could come between
 * the check and the write.
 */
@Injectable()
export class World {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The current generation, for stamping a job queued outside any transaction. */
  async generation(manager: EntityManager = this.dataSource.manager): Promise<number> {
    const rows: { generation: string }[] = await manager.query('SELECT generation FROM sandbox_world');
    return Number(rows[0]!.generation);
  }

  /**
   * Inside a transaction: holds the fence until the transaction ends and answers the generation
   * that jobs queued by it belong to. Call it first, before the transaction locks any row: a
   * reset waiting for those rows while this waits for the reset would be a deadlock.
   */
  join(manager: EntityManager): Promise<number> {
    return this.enter(manager, true);
  }

  /**
   * Runs `work` if `generation` is still the current world ('current': whichever it is), on one
   * connection that holds the fence for as long as the work runs, effects after a commit (socket
   * pushes) included. `work` does its transactions with the manager it is given, and must take no
   * other connection: jobs waiting for a second connection while holding the pool's last ones
   * would wait for ever.
   */
  async run<T>(generation: number | 'current', work: (manager: EntityManager, generation: number) => Promise<T>): Promise<InWorld<T>> {
    const runner = this.dataSource.createQueryRunner();
    try {
      try {
        // Session-level, not transaction-level, so the fence also covers what follows a commit.
        const current = await this.enter(runner.manager, false);
        if (generation !== 'current' && generation !== current) return { stale: true };
        return { stale: false, result: await work(runner.manager, current) };
      } finally {
        // Unlocking a fence not held (enter failed before its lock) only warns. Only a broken
        // connection fails here, and its session, lock included, is gone with it.
        await runner.query('SELECT pg_advisory_unlock_shared($1)', [WORLD_FENCE]);
      }
    } finally {
      await runner.release();
    }
  }

  /** Holds the fence shared and answers the generation held, in one call (world_enter, which reads after it locks). */
  private async enter(manager: EntityManager, forTransaction: boolean): Promise<number> {
    const rows: { generation: string }[] = await manager.query('SELECT world_enter($1, $2) AS generation', [WORLD_FENCE, forTransaction]);
    return Number(rows[0]!.generation);
  }

  /**
   * For the reset, first in its transaction: waits until no work of the current world is running,
   * keeps new work out until the transaction ends, and starts the next generation.
   */
  async advance(manager: EntityManager): Promise<number> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [WORLD_FENCE]);
    const rows: [{ generation: string }[], number] = await manager.query(
      'UPDATE sandbox_world SET generation = generation + 1 RETURNING generation',
    );
    return Number(rows[0][0]!.generation);
  }
}
