import type { Area } from '@app/geo';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AreaCamerasRepository, type AreaCamera } from './area-cameras.repository.js';

/**
 * The area match: which cameras lie in an area, and what their owners chose. Footage requests
 * use it to find whom to ask; the caller decides what each owner's choice means under its policy.
 * Every camera is returned, blocked and encrypted ones too, because a request counts whom it
 * could not ask and why.
 */
@Injectable()
export class AreaCamerasService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cameras: AreaCamerasRepository,
  ) {}

  /** `manager`: the caller's transaction, so the match sees what it has written. */
  within(area: Area, manager: EntityManager = this.dataSource.manager): Promise<AreaCamera[]> {
    return this.cameras.within(manager, area);
  }
}
