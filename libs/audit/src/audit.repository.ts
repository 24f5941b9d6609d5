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
    await manager.query(`SELECT pg_advisory_xact_lock(${AUDIT_APPEND_LOCK})`);
    const rows: { seq: string; hash: string }[] = await manager.query(
      'SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1',
    );
    return rows[0] ? { seq: Number(rows[0].seq), hash: rows[0].hash } : null;
  }

  async insert(manager: EntityManager, event: AuditEventEntity): Promise<void> {
    await manager.query(
      `INSERT INTO audit_event (seq, at, actor, action, subject, data, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        event.seq,
        event.at.toISOString(),
        event.actor,
        event.action,
        event.subject,
        JSON.stringify(event.data),
        event.prevHash,
        event.hash,
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
