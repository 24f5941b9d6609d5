import type { PoliceRequestsChoice } from '@app/policy';
import type { Point } from 'typeorm';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('camera')
export class CameraEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  ownerId: string;

  @Column('text')
  label: string;

  /** GeoJSON on the TypeORM side ([lng, lat]); `toLatLng` turns it into the API's shape. */
  @Column('geography', { spatialFeatureType: 'Point', srid: 4326 })
  location: Point;

  /** The location's H3 resolution-9 cell, stored at write time for the coverage map. */
  @Column('text', { name: 'h3_r9' })
  h3R9: string;

  /**
   * The owner's privacy_setting choices, copied here in the transaction of every write that
   * changes them, so coverage reads cameras alone. Null = never chose (the policy default).
   */
  @Column('text', { nullable: true })
  ownerPoliceRequests: PoliceRequestsChoice | null;

  @Column('boolean', { name: 'owner_e2ee' })
  ownerE2ee: boolean;

  @Column('timestamptz')
  createdAt: Date;
}
