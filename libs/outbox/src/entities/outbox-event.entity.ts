import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An event written in the transaction of the change that caused it; the worker relays it once. */
@Entity('outbox_event')
export class OutboxEventEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  type!: string;

  @Column('jsonb')
  payload!: Record<string, unknown>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  /** When the change happened in the world's time (the sandbox clock). */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  /** Relay rounds that tried to enqueue it (failed ones included). */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;
}
