import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RecordingTrigger } from '../domain/recording-rules.js';

@Entity('recording')
export class RecordingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  cameraId: string;

  @Column('timestamptz')
  startedAt: Date;

  @Column('timestamptz')
  endedAt: Date;

  @Column('text')
  trigger: RecordingTrigger;

  @Column('timestamptz')
  createdAt: Date;

  /**
   * The owner's privacy_setting.retentionDays, copied here in the transaction of every write that
   * changes it, so the purge reads an index instead of joining every recording to its owner.
   * Null = never chose (the active policy's default).
   */
  @Column('int', { nullable: true })
  ownerRetentionDays: number | null;
}
