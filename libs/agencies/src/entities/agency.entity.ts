import type { MultiPolygon } from '@app/geo';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AgencyKind } from '../domain/agency.js';

@Entity('agency')
export class AgencyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('text')
  kind: AgencyKind;

  @Column('text')
  city: string;

  /** Two capital letters (USPS code). */
  @Column('text')
  state: string;

  @Column('text')
  zip: string;

  /** TypeORM reads and writes it as GeoJSON; a Polygon is stored as a one-part MultiPolygon. */
  @Column('geography', { spatialFeatureType: 'MultiPolygon', srid: 4326 })
  jurisdiction: MultiPolygon;

  /** `YYYY-MM-DD`: a calendar date, no time zone. */
  @Column('date')
  partnerSince: string;

  @Column('timestamptz')
  createdAt: Date;
}
