import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditEventEntity } from './entities/audit-event.entity.js';

/**
 * Key of the transaction-level advisory lock that serializes audit writers: 'PL_AUDIT' in ASCII
 * as a bigint. Every writer takes it before reading the head, so two transactions can never
 * both extend the same head (fork the chain); it is released when the writer's transaction ends.
 */
const AUDIT_APPEND_LOCK = '5786104355472296276';

export interface AuditFilter {
  actor?: string;
  action?: string;
  subject?: string;
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
}

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Waits for every other writer's transaction to end, then returns the committed head. */
  async lockHead(manager: EntityManager): Promise<{ seq: number; hash: string } | null> {
    // One call: audit_lock_head takes the lock, then reads the head with a snapshot taken after it.
    const rows: { seq: string; hash: string }[] = await manager.query('SELECT seq, hash FROM audit_lock_head($1)', [AUDIT_APPEND_LOCK]);
    return rows[0] ? { seq: Number(rows[0].seq), hash: rows[0].hash } : null;
  }

  /** All of `events` in one statement, in the order given. */
  async insertAll(manager: EntityManager, events: AuditEventEntity[]): Promise<void> {
    await manager.query(
      `INSERT INTO audit_event (seq, at, actor, action, subject, data, prev_hash, hash)
       SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::text[], $8::text[])`,
      [
        events.map((event) => event.seq),
        events.map((event) => event.at.toISOString()),
        events.map((event) => event.actor),
        events.map((event) => event.action),
        events.map((event) => event.subject),
        events.map((event) => JSON.stringify(event.data)),
        events.map((event) => event.prevHash),
        events.map((event) => event.hash),
      ],
    );
  }

  /** Keyset batch in seq order, for streaming the whole chain without holding it. */
  batchAfter(seq: number, limit: number): Promise<AuditEventEntity[]> {
    return this.dataSource
      .getRepository(AuditEventEntity)
      .createQueryBuilder('event')
      .where('event.seq > :seq', { seq })
      .orderBy('event.seq', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** Newest first: events with seq below `before` that match every given filter. */
  page(filter: AuditFilter, before: number | undefined, limit: number): Promise<AuditEventEntity[]> {
    const query = this.dataSource.getRepository(AuditEventEntity).createQueryBuilder('event');
    if (before !== undefined) query.andWhere('event.seq < :before', { before });
    if (filter.actor !== undefined) query.andWhere('event.actor = :actor', { actor: filter.actor });
    if (filter.action !== undefined) query.andWhere('event.action = :action', { action: filter.action });
    if (filter.subject !== undefined) query.andWhere('event.subject = :subject', { subject: filter.subject });
    if (filter.from !== undefined) query.andWhere('event.at >= :from', { from: filter.from });
    if (filter.to !== undefined) query.andWhere('event.at < :to', { to: filter.to });
    return query.orderBy('event.seq', 'DESC').limit(limit).getMany();
  }
}
