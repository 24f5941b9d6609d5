import { AuditService } from '@app/audit';
import { PolicyService } from '@app/policy';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { RecordingsRepository, type PurgedCount } from './recordings.repository.js';
import { RECORDINGS_PURGED } from './cameras.events.js';

/** Invariant 8: recordings older than their owner's retention are deleted. */
@Injectable()
export class RetentionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recordings: RecordingsRepository,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Deletes every recording that ended more than its owner's retention before `now` (the
   * active policy's default for owners who never chose), in one statement, and audits one
   * `recordings.purged` event per owner with the count. Running it again deletes nothing more.
   */
  purgeDue(now: Date, manager: EntityManager = this.dataSource.manager): Promise<PurgedCount[]> {
    return manager.transaction(async (tx) => {
      const policy = await this.policy.active(tx);
      const purged = await this.recordings.purgeExpired(tx, now, policy.defaultRetentionDays);
      await this.audit.recordAll(
        tx,
        purged.map(({ ownerId, count, retentionDays }) => ({
          actor: 'system',
          action: RECORDINGS_PURGED,
          subject: `user:${ownerId}`,
          data: { count, retentionDays },
        })),
      );
      return purged;
    });
  }
}
