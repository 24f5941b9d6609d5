import { Column, Entity, PrimaryColumn, type ValueTransformer } from 'typeorm';

/** bigint comes back from pg as a string; seq stays far below 2^53, so a number is exact. */
const bigintAsNumber: ValueTransformer = {
  to: (value: number) => value,
  from: (value: string) => Number(value),
};

/** One link of the hash chain. Rows are only ever inserted (triggers refuse anything else). */
@Entity('audit_event')
export class AuditEventEntity {
  @PrimaryColumn('bigint', { transformer: bigintAsNumber })
  seq: number;

  @Column('timestamptz')
  at: Date;

  @Column('text')
  actor: string;

  @Column('text')
  action: string;

  @Column('text')
  subject: string;

  @Column('jsonb')
  data: Record<string, unknown>;

  @Column('text')
  prevHash: string;

  @Column('text')
  hash: string;
}
