import { RETENTION_DAYS } from '@app/policy';
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

  /** A recording with its camera's owner, for platform staff (no ownership check: callers audit). */
  async findWithOwner(id: string): Promise<{ recording: RecordingEntity; ownerId: string } | null> {
    const row = await this.dataSource
      .getRepository(RecordingEntity)
      .createQueryBuilder('recording')
      .innerJoin('camera', 'camera', 'camera.id = recording.camera_id')
      .addSelect('camera.owner_id', 'owner_id')
      .where('recording.id = :id', { id })
      .getRawAndEntities();
    const recording = row.entities[0];
    return recording ? { recording, ownerId: row.raw[0].owner_id } : null;
  }

  /**
   * Deletes, in one statement, every recording that ended more than its owner's retention before
   * `now` (`defaultDays` for owners who never chose) and answers how many went per owner.
   * The owner's retention is read from its copy on each recording, with the end time in
   * recording_owner_retention_ended_at_idx: one index range per retention a recording can have
   * (1–180 days, and the default for NULL), each holding only what is due — so a tick with
   * nothing to purge reads next to nothing, however many recordings there are.
   * A recording shared under a consent that still stands is evidence: it follows the receipt's
   * retention instead (invariant 8), and is purged by the owner's rule once that has passed or
   * the consent is withdrawn. (The hold is read from consent's published view
   * consent_evidence_hold: cameras sit below consent and cannot ask it.)
   */
  async purgeExpired(manager: EntityManager, now: Date, defaultDays: number): Promise<PurgedCount[]> {
    const rows: { owner_id: string; retention_days: number; count: number }[] = await manager.query(
      `WITH due AS (
         SELECT recording.id FROM generate_series($3::int, $4::int) AS days
         JOIN recording ON recording.owner_retention_days = days
                       AND recording.ended_at < $1::timestamptz - make_interval(days => days)
         UNION ALL
         SELECT recording.id FROM recording
         WHERE recording.owner_retention_days IS NULL
           AND recording.ended_at < $1::timestamptz - make_interval(days => $2::int)
       ),
       purged AS (
         DELETE FROM recording
         USING due, camera
         WHERE recording.id = due.id AND camera.id = recording.camera_id
           AND NOT EXISTS (
             SELECT 1 FROM consent_evidence_hold hold
             WHERE hold.recording_id = recording.id AND hold.held_until > $1::timestamptz)
         RETURNING camera.owner_id, COALESCE(recording.owner_retention_days, $2::int) AS retention_days
       )
       SELECT owner_id, retention_days, count(*)::int AS count
       FROM purged GROUP BY owner_id, retention_days ORDER BY owner_id`,
      [now.toISOString(), defaultDays, RETENTION_DAYS.min, RETENTION_DAYS.max],
    );
    return rows.map((row) => ({ ownerId: row.owner_id, retentionDays: row.retention_days, count: row.count }));
  }
}
