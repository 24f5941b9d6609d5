import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { PagePosition } from '@app/database';
import { RecordingEntity } from './entities/recording.entity.js';

export type NewRecording = Omit<RecordingEntity, 'id'>;

export interface PurgedCount {
  ownerId: string;
  retentionDays: number;
  count: number;
}

@Injectable()
export class RecordingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  insert(manager: EntityManager, recording: NewRecording): Promise<RecordingEntity> {
    return manager.save(manager.create(RecordingEntity, recording));
  }

  /** Newest first by (startedAt, id), strictly after `after` in that order. */
  page(cameraId: string, after: PagePosition | undefined, limit: number): Promise<RecordingEntity[]> {
    const query = this.dataSource
      .getRepository(RecordingEntity)
      .createQueryBuilder('recording')
      .where('recording.cameraId = :cameraId', { cameraId });
    if (after) {
      query.andWhere('(recording.startedAt, recording.id) < (:at, :id)', { at: after.at, id: after.id });
    }
    return query.orderBy('recording.startedAt', 'DESC').addOrderBy('recording.id', 'DESC').limit(limit).getMany();
  }

  /**
   * Deletes, in one statement, every recording that ended more than its owner's retention before
   * `now` (`defaultDays` for owners who never chose) and answers how many went per owner.
   */
  async purgeExpired(manager: EntityManager, now: Date, defaultDays: number): Promise<PurgedCount[]> {
    const rows: { owner_id: string; retention_days: number; count: number }[] = await manager.query(
      `WITH purged AS (
         DELETE FROM recording
         USING camera LEFT JOIN privacy_setting ON privacy_setting.user_id = camera.owner_id
         WHERE recording.camera_id = camera.id
           AND recording.ended_at < $1::timestamptz
             - make_interval(days => COALESCE(privacy_setting.retention_days, $2::int))
         RETURNING camera.owner_id, COALESCE(privacy_setting.retention_days, $2::int) AS retention_days
       )
       SELECT owner_id, retention_days, count(*)::int AS count
       FROM purged GROUP BY owner_id, retention_days ORDER BY owner_id`,
      [now.toISOString(), defaultDays],
    );
    return rows.map((row) => ({ ownerId: row.owner_id, retentionDays: row.retention_days, count: row.count }));
  }
}
