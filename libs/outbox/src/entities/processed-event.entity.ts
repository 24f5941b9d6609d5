import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per (event, handler) that took effect: a duplicate delivery finds it and does nothing. */
@Entity('processed_event')
export class ProcessedEventEntity {
  @PrimaryColumn('uuid')
  eventId!: string;

  @PrimaryColumn('text')
  handler!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  processedAt!: Date;
}
