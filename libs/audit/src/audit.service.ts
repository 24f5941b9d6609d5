import { Clock } from '@app/clock';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditRepository, type AuditFilter } from './audit.repository.js';
import { AuditChainVerifier } from './domain/audit-chain.js';
import { decodeAuditCursor, encodeAuditCursor } from './domain/audit-cursor.js';
import { GENESIS_HASH, asStoredData, auditHash } from './domain/audit-hash.js';
import { AuditEventEntity } from './entities/audit-event.entity.js';
import { AuditCursorInvalidError } from './audit.errors.js';

export interface AuditEntry {
  /** `user:<uuid>`, `system` or `anonymous`. */
  actor: string;
  /** Dotted lowercase, e.g. `auth.login_failed`. */
  action: string;
  subject: string;
  data?: Record<string, unknown>;
}

export type AuditVerifyResult =
  | { ok: true; length: number; head: string | null }
  /** `length` counts the good events before `firstBadSeq`. */
  | { ok: false; length: number; firstBadSeq: number };

export interface AuditPage {
  items: AuditEventEntity[];
  nextCursor: string | null;
}

const VERIFY_BATCH_SIZE = 1000;

@Injectable()
export class AuditService {
  constructor(
    private readonly repository: AuditRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Appends one event to the chain inside the caller's transaction, so the event exists exactly
   * when the audited change does. This holds the audit lock until that transaction ends: call it
   * late in the transaction. It needs READ COMMITTED (the default), so the head it reads after
   * the lock is the latest committed one. Without a transaction it opens its own.
   */
  record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    return this.recordAll(manager, [entry]);
  }

  /**
   * Appends several events, in order, as `record` appends one: one lock, one read of the head and
   * one insert for all of them, so a task that audits thousands of changes at once (a retention
   * purge) costs three statements, not three per event.
   */
  async recordAll(manager: EntityManager, entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    if (manager.queryRunner?.isTransactionActive) {
      await this.append(manager, entries);
    } else {
      await manager.transaction((tx) => this.append(tx, entries));
    }
  }

  /** Walks the whole chain in seq order, one batch at a time. */
  async verify(): Promise<AuditVerifyResult> {
    const verifier = new AuditChainVerifier();
    for (let after = 0; ; ) {
      const batch = await this.repository.batchAfter(after, VERIFY_BATCH_SIZE);
      for (const event of batch) {
        if (!verifier.accept(event)) return { ok: false, length: verifier.length, firstBadSeq: verifier.nextSeq };
      }
      if (batch.length < VERIFY_BATCH_SIZE) return { ok: true, length: verifier.length, head: verifier.head };
      after = batch.at(-1)!.seq;
    }
  }

  /** Newest first; `cursor` is the previous page's nextCursor, sent with the same filters. */
  async list(filter: AuditFilter, limit: number, cursor?: string): Promise<AuditPage> {
    const before = cursor === undefined ? undefined : decodeAuditCursor(cursor);
    if (cursor !== undefined && before === undefined) {
      throw new AuditCursorInvalidError();
    }
    const rows = await this.repository.page(filter, before, limit + 1);
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? encodeAuditCursor(items.at(-1)!.seq) : null };
  }

  private async append(manager: EntityManager, entries: AuditEntry[]): Promise<void> {
    const head = await this.repository.lockHead(manager);
    // A Date has whole milliseconds, so the stored timestamptz is exactly the instant hashed.
    const at = await this.clock.now(manager);
    let seq = head?.seq ?? 0;
    let prevHash = head?.hash ?? GENESIS_HASH;
    const events = entries.map((entry) => {
      const event = Object.assign(new AuditEventEntity(), {
        seq: ++seq,
        at,
        actor: entry.actor,
        action: entry.action,
        subject: entry.subject,
        data: asStoredData(entry.data),
        prevHash,
      });
      event.hash = auditHash(event);
      prevHash = event.hash;
      return event;
    });
    await this.repository.insertAll(manager, events);
  }
}
