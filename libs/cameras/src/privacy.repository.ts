import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PrivacySettingEntity } from './entities/privacy-setting.entity.js';

/** The choices each camera carries a copy of (CameraEntity.ownerPoliceRequests, ownerE2ee). */
export type CameraCopy = Pick<PrivacySettingEntity, 'policeRequests' | 'endToEndEncryption'>;

@Injectable()
export class PrivacyRepository {
  find(manager: EntityManager, userId: string): Promise<PrivacySettingEntity | null> {
    return manager.findOneBy(PrivacySettingEntity, { userId });
  }

  /**
   * Serialises, per owner and until commit, a change of their settings with the creation of
   * their cameras and recordings, so a new one never keeps a copy of choices just replaced.
   * An advisory lock, because an owner who never chose has no settings row to lock.
   */
  async lockOwner(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('privacy_setting:' || $1, 0))`, [userId]);
  }

  /** What a new camera of the owner copies, read under the owner's lock (no row: never chose). */
  async lockedCameraCopy(manager: EntityManager, userId: string): Promise<CameraCopy> {
    await this.lockOwner(manager, userId);
    const setting = await this.find(manager, userId);
    return { policeRequests: setting?.policeRequests ?? null, endToEndEncryption: setting?.endToEndEncryption ?? false };
  }

  /** The retention a new recording of the owner copies, read under the owner's lock (null: never chose). */
  async lockedRetentionCopy(manager: EntityManager, userId: string): Promise<number | null> {
    await this.lockOwner(manager, userId);
    return (await this.find(manager, userId))?.retentionDays ?? null;
  }

  /** Puts the owner's retention choice on all their recordings; rows already equal are not rewritten. */
  async copyRetentionToRecordings(manager: EntityManager, userId: string, retentionDays: number | null): Promise<void> {
    await manager.query(
      `UPDATE recording SET owner_retention_days = $2::int
       FROM camera
       WHERE recording.camera_id = camera.id AND camera.owner_id = $1
         AND recording.owner_retention_days IS DISTINCT FROM $2::int`,
      [userId, retentionDays],
    );
  }

  /** Puts the owner's current choices on all their cameras; rows already equal are not rewritten. */
  async copyToCameras(manager: EntityManager, userId: string, copy: CameraCopy): Promise<void> {
    await manager.query(
      `UPDATE camera SET owner_police_requests = $2::text, owner_e2ee = $3::boolean
       WHERE owner_id = $1 AND (owner_police_requests IS DISTINCT FROM $2::text OR owner_e2ee <> $3::boolean)`,
      [userId, copy.policeRequests, copy.endToEndEncryption],
    );
  }

  /**
   * The owner's row, created with every choice unset if missing, and locked until the
   * transaction ends, so concurrent partial updates never overwrite each other's fields.
   */
  async lockOrCreate(manager: EntityManager, userId: string, now: Date): Promise<PrivacySettingEntity> {
    await manager.query(
      `INSERT INTO privacy_setting (user_id, police_requests, retention_days, end_to_end_encryption, updated_at)
       VALUES ($1, NULL, NULL, false, $2) ON CONFLICT (user_id) DO NOTHING`,
      [userId, now],
    );
    return manager
      .getRepository(PrivacySettingEntity)
      .createQueryBuilder('setting')
      .setLock('pessimistic_write')
      .where('setting.userId = :userId', { userId })
      .getOneOrFail();
  }

  save(manager: EntityManager, setting: PrivacySettingEntity): Promise<PrivacySettingEntity> {
    return manager.save(setting);
  }
}
