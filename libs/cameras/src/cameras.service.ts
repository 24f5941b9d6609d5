import { AuditService } from '@app/audit';
import { actorOf, assertOwned } from '@app/auth';
import { Clock } from '@app/clock';
import { cellOf, type LatLng } from '@app/geo';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CamerasRepository } from './cameras.repository.js';
import type { CameraEntity } from './entities/camera.entity.js';
import { toGeoJsonPoint } from './location.mapper.js';
import { PrivacyRepository } from './privacy.repository.js';
import { CameraChangeEmptyError } from './cameras.errors.js';
import { CAMERA_CREATED, CAMERA_DELETED } from './cameras.events.js';

export interface CameraInput {
  label: string;
  location: LatLng;
}

/** A resident's own cameras. Another owner's camera answers exactly like a missing one (404). */
@Injectable()
export class CamerasService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cameras: CamerasRepository,
    private readonly privacy: PrivacyRepository,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  create(ownerId: string, input: CameraInput): Promise<CameraEntity> {
    return this.dataSource.transaction(async (manager) => {
      // The camera carries a copy of the owner's privacy choices, which the coverage map reads.
      const owner = await this.privacy.lockedCameraCopy(manager, ownerId);
      const camera = await this.cameras.insert(manager, {
        ownerId,
        label: input.label,
        location: toGeoJsonPoint(input.location),
        h3R9: cellOf(input.location),
        ownerPoliceRequests: owner.policeRequests,
        ownerE2ee: owner.endToEndEncryption,
        createdAt: await this.clock.now(manager),
      });
      await this.audit.record(manager, {
        actor: actorOf({ id: ownerId }),
        action: CAMERA_CREATED,
        subject: `camera:${camera.id}`,
        data: { cell: camera.h3R9 },
      });
      return camera;
    });
  }

  list(ownerId: string): Promise<CameraEntity[]> {
    return this.cameras.listByOwner(ownerId);
  }

  async get(ownerId: string, id: string, manager?: EntityManager): Promise<CameraEntity> {
    return assertOwned(await this.cameras.findById(manager ?? this.dataSource.manager, id), ownerId, 'Camera');
  }

  /** A new location also moves the camera to the new location's H3 cell. */
  update(ownerId: string, id: string, change: Partial<CameraInput>): Promise<CameraEntity> {
    if (change.label === undefined && change.location === undefined) {
      throw new CameraChangeEmptyError();
    }
    return this.dataSource.transaction(async (manager) => {
      const camera = assertOwned(await this.cameras.findById(manager, id, { forUpdate: true }), ownerId, 'Camera');
      if (change.label !== undefined) camera.label = change.label;
      if (change.location !== undefined) {
        camera.location = toGeoJsonPoint(change.location);
        camera.h3R9 = cellOf(change.location);
      }
      return this.cameras.save(manager, camera);
    });
  }

  /** Its recordings go with it (ON DELETE CASCADE). */
  async remove(ownerId: string, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const camera = assertOwned(await this.cameras.findById(manager, id, { forUpdate: true }), ownerId, 'Camera');
      await this.cameras.delete(manager, camera.id);
      await this.audit.record(manager, {
        actor: actorOf({ id: ownerId }),
        action: CAMERA_DELETED,
        subject: `camera:${camera.id}`,
        data: { cell: camera.h3R9 },
      });
    });
  }
}
