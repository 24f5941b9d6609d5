import { AppConfig } from '@app/config';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * The one source of "now" in every process. Real time unless the sandbox is enabled; then the
 * offset lives in PostgreSQL (table `sandbox_clock`), so the api, the worker and the simulator
 * always agree on the time without any message passing.
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
    return new Date(Date.now() + (await this.offsetMs(manager)));
  }

  async offsetMs(manager: EntityManager = this.dataSource.manager): Promise<number> {
    const rows: { offset_ms: string }[] = await manager.query('SELECT offset_ms FROM sandbox_clock WHERE id');
    return rows.length === 0 ? 0 : Number(rows[0]!.offset_ms);
  }

  /** Moves sandbox time so that now() answers `target`; time then runs on from there. */
  async setNow(target: Date, manager: EntityManager = this.dataSource.manager): Promise<Date> {
    const offset = target.getTime() - Date.now();
    await manager.query(
      `INSERT INTO sandbox_clock (id, offset_ms, updated_at) VALUES (true, $1, now())
       ON CONFLICT (id) DO UPDATE SET offset_ms = excluded.offset_ms, updated_at = excluded.updated_at`,
      [offset],
    );
    return target;
  }
}
