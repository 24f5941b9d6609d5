import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One client key per scope (user id or 'anonymous'); pending while statusCode is null. */
@Entity('idempotency_key')
export class IdempotencyKeyEntity {
  @PrimaryColumn('text')
  scope: string;

  @PrimaryColumn('text')
  key: string;

  /** `POST /api/users`: the same key on another route is a reuse, not a replay. */
  @Column('text')
  route: string;

  @Column('text')
  requestHash: string;

  @Column('integer', { nullable: true })
  statusCode: number | null;

  @Column('jsonb', { nullable: true })
  responseBody: unknown;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz')
  expiresAt: Date;
}
