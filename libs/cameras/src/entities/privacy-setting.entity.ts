import type { PoliceRequestsChoice } from '@app/policy';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An owner's own choices; null = never chose, so the active policy's default applies. */
@Entity('privacy_setting')
export class PrivacySettingEntity {
  @PrimaryColumn('uuid')
  userId: string;

  @Column('text', { nullable: true })
  policeRequests: PoliceRequestsChoice | null;

  @Column('integer', { nullable: true })
  retentionDays: number | null;

  @Column('boolean')
  endToEndEncryption: boolean;

  @Column('timestamptz')
  updatedAt: Date;
}
