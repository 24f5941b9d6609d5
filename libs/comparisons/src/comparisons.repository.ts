import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ProfileName } from '@app/policy';
import { In, Not, type Repository } from 'typeorm';
import { ComparisonEntity } from './comparison.entity.js';
import type { ComparisonResult, PreparedScenario } from './simulator.ports.js';

@Injectable()
export class ComparisonsRepository {
  constructor(@InjectRepository(ComparisonEntity) private readonly rows: Repository<ComparisonEntity>) {}

  findById(id: string): Promise<ComparisonEntity | null> {
    return this.rows.findOneBy({ id });
  }

  /**
   * The comparison with this key that did not fail, made now if there is none; `created` says
   * which. Two asks at once make one: the partial unique index decides, and the loser reads the
   * winner's row.
   */
  async findOrCreate(cacheKey: string, prepared: PreparedScenario, policies: readonly ProfileName[]): Promise<{ comparison: ComparisonEntity; created: boolean }> {
    // The one in the way may fail between the insert and the read: then insert again.
    for (;;) {
      const { raw } = await this.rows
        .createQueryBuilder()
        .insert()
        .values({ cacheKey, summary: prepared.summary, scenario: prepared.scenario, policies: [...policies], status: 'queued', daysDone: {} })
        .orIgnore()
        .returning('id')
        .execute();
      const id = (raw as { id: string }[])[0]?.id;
      if (id !== undefined) return { comparison: (await this.findById(id))!, created: true };
      const existing = await this.rows.findOneBy({ cacheKey, status: Not('failed') });
      if (existing) return { comparison: existing, created: false };
    }
  }

  async markRunning(id: string): Promise<void> {
    await this.rows.update({ id }, { status: 'running', startedAt: new Date(), daysDone: {}, error: null });
  }

  async recordProgress(id: string, daysDone: Partial<Record<ProfileName, number>>): Promise<void> {
    await this.rows.update({ id, status: 'running' }, { daysDone });
  }

  async markDone(id: string, daysDone: Partial<Record<ProfileName, number>>, result: ComparisonResult): Promise<void> {
    await this.rows.update({ id }, { status: 'done', daysDone, result, finishedAt: new Date() });
  }

  /** Only an unfinished one: a late failure never overwrites a result. */
  async markFailed(id: string, error: string): Promise<void> {
    await this.rows.update({ id, status: In(['queued', 'running']) }, { status: 'failed', error, finishedAt: new Date() });
  }
}
