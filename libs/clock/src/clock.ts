import { AppConfig } from '@app/config';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** Sandbox time as stored: how far ahead of real time, and the instant it stands still at, if it does. */
interface SandboxTime {
  offsetMs: number;
  frozenAt: Date | null;
}

/**
 * SANDBOX_CLOCK=process: sandbox time kept with the configuration object, which the Nest contexts
 * of one product in one process share (the simulator's api and worker of a run), and which runs
 * side by side in a process do not.
 */
const processTimes = new WeakMap<AppConfig, SandboxTime>();

/**
 * The one source of "now" in every process. Real time unless the sandbox is enabled; then the
 * offset lives in PostgreSQL (table `sandbox_clock`), so the api, the worker and the simulator
 * always agree on the time without any message passing. A process that is the whole product,
 * with no other process on its world (SANDBOX_CLOCK=process, which needs PIPELINES=inline: the
 * simulator), keeps it in memory instead: each run reads "now" thousands of times a day.
 */
@Injectable()
export class Clock {
  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Pass the transaction's manager when "now" must be read inside it. */
  async now(manager: EntityManager = this.dataSource.manager): Promise<Date> {
    if (!this.config.sandboxEnabled) return new Date();
    const { offsetMs, frozenAt } = await this.read(manager);
    return frozenAt ?? new Date(Date.now() + offsetMs);
  }

  /** How far sandbox time is ahead of real time (while frozen, at this moment). */
  async offsetMs(manager: EntityManager = this.dataSource.manager): Promise<number> {
    const { offsetMs, frozenAt } = await this.read(manager);
    return frozenAt === null ? offsetMs : frozenAt.getTime() - Date.now();
  }

  /** Moves sandbox time so that now() answers `target`; time then runs on from there. */
  setNow(target: Date, manager: EntityManager = this.dataSource.manager): Promise<Date> {
    return this.write(manager, target, null);
  }

  /**
   * Stops sandbox time at `target`: now() answers exactly it, in every process, until the clock
   * is set or frozen again. The simulator steps time this way, so a run's timestamps depend on
   * its events alone.
   */
  freezeAt(target: Date, manager: EntityManager = this.dataSource.manager): Promise<Date> {
    return this.write(manager, target, target);
  }

  private async read(manager: EntityManager): Promise<SandboxTime> {
    if (this.config.sandbox.clock === 'process') return processTimes.get(this.config) ?? { offsetMs: 0, frozenAt: null };
    const rows: { offset_ms: string; frozen_at: Date | null }[] = await manager.query('SELECT offset_ms, frozen_at FROM sandbox_clock WHERE id');
    return rows.length === 0 ? { offsetMs: 0, frozenAt: null } : { offsetMs: Number(rows[0]!.offset_ms), frozenAt: rows[0]!.frozen_at };
  }

  private async write(manager: EntityManager, target: Date, frozenAt: Date | null): Promise<Date> {
    const offset = target.getTime() - Date.now();
    if (this.config.sandbox.clock === 'process') {
      processTimes.set(this.config, { offsetMs: offset, frozenAt });
      return target;
    }
    await manager.query(
      `INSERT INTO sandbox_clock (id, offset_ms, frozen_at, updated_at) VALUES (true, $1, $2, now())
       ON CONFLICT (id) DO UPDATE SET offset_ms = excluded.offset_ms, frozen_at = excluded.frozen_at, updated_at = excluded.updated_at`,
      [offset, frozenAt],
    );
    return target;
  }
}
