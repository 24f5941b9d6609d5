import { Clock, resolvePeriod } from '@app/clock';
import { STAFF_VIEWED } from '@app/consent';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { totalOf, type Report } from './domain/report.js';
import { TransparencyRepository } from './transparency.repository.js';

const YEAR_MS = 365 * 86_400_000;

@Injectable()
export class TransparencyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: TransparencyRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * The report for [from, to): by default the year up to now (the sandbox clock's now). Read in
   * one read-only snapshot, so the agencies' rows and the totals describe the same moment.
   */
  async report(period: { from?: Date; to?: Date }): Promise<Report> {
    const { from, to } = resolvePeriod(period, await this.clock.now(), YEAR_MS);
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      const agencies = await this.repository.agencyFigures(manager, from, to);
      const staffFootageAccesses = await this.repository.staffFootageAccesses(manager, from, to, STAFF_VIEWED);
      const feed = await this.repository.feedModeration(manager, from, to);
      return { period: { from, to }, agencies, totals: { ...totalOf(agencies), staffFootageAccesses, ...feed } };
    });
  }
}
