import type { RowLock } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CameraEntity } from './entities/camera.entity.js';

export type NewCamera = Omit<CameraEntity, 'id'>;

@Injectable()
export class CamerasRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  insert(manager: EntityManager, camera: NewCamera): Promise<CameraEntity> {
    return manager.save(manager.create(CameraEntity, camera));
  }

  save(manager: EntityManager, camera: CameraEntity): Promise<CameraEntity> {
    return manager.save(camera);
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.delete(CameraEntity, { id });
  }

  /** `forUpdate`: inside a transaction, holds the row until it ends (update, delete). */
  findById(manager: EntityManager, id: string, { forUpdate = false }: RowLock = {}): Promise<CameraEntity | null> {
    const query = manager.getRepository(CameraEntity).createQueryBuilder('camera').where('camera.id = :id', { id });
    if (forUpdate) query.setLock('pessimistic_write');
    return query.getOne();
  }

  /** Newest first; a household has a handful of cameras, so no paging. */
  listByOwner(ownerId: string): Promise<CameraEntity[]> {
    return this.dataSource.getRepository(CameraEntity).find({
      where: { ownerId },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
  }
}
