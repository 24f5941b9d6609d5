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
}
