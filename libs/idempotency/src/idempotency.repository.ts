import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { IdempotencyKeyEntity } from './entities/idempotency-key.entity.js';

export interface KeyRef {
  scope: string;
  key: string;
}

export interface Claim extends KeyRef {
  route: string;
  requestHash: string;
  now: Date;
  expiresAt: Date;
}

@Injectable()
export class IdempotencyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Inserts a pending row unless the key is already held; an expired row counts as absent and is
   * replaced. One statement, so of two concurrent claims exactly one wins.
   */
  async claim(claim: Claim): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_key AS held (scope, key, route, request_hash, status_code, response_body, created_at, expires_at)
       VALUES ($1, $2, $3, $4, NULL, NULL, $5, $6)
       ON CONFLICT (scope, key) DO UPDATE
         SET route = excluded.route, request_hash = excluded.request_hash, status_code = NULL,
             response_body = NULL, created_at = excluded.created_at, expires_at = excluded.expires_at
         WHERE held.expires_at <= excluded.created_at
       RETURNING 1`,
      [claim.scope, claim.key, claim.route, claim.requestHash, claim.now, claim.expiresAt],
    );
    return rows.length === 1;
  }

  find(ref: KeyRef): Promise<IdempotencyKeyEntity | null> {
    return this.dataSource.getRepository(IdempotencyKeyEntity).findOneBy({ scope: ref.scope, key: ref.key });
  }

  async complete(ref: KeyRef, statusCode: number, responseBody: unknown): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_key SET status_code = $3, response_body = $4::jsonb
       WHERE scope = $1 AND key = $2 AND status_code IS NULL`,
      [ref.scope, ref.key, statusCode, responseBody === undefined ? null : JSON.stringify(responseBody)],
    );
  }

  /** Drops a pending claim only: a completed response is never thrown away by a late failure. */
  async release(ref: KeyRef): Promise<void> {
    await this.dataSource.query('DELETE FROM idempotency_key WHERE scope = $1 AND key = $2 AND status_code IS NULL', [
      ref.scope,
      ref.key,
    ]);
  }

  async deleteExpired(manager: EntityManager, now: Date): Promise<void> {
    await manager.query('DELETE FROM idempotency_key WHERE expires_at <= $1', [now]);
  }
}
