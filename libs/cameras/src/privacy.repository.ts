import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { PrivacySettingEntity } from './entities/privacy-setting.entity.js';

@Injectable()
export class PrivacyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  find(userId: string): Promise<PrivacySettingEntity | null> {
    return this.dataSource.manager.findOneBy(PrivacySettingEntity, { userId });
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
