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

  @Column('timestamptz')
  createdAt: Date;
}
