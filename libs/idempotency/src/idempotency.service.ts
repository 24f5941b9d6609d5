import { Clock } from '@app/clock';
import { AppConfig } from '@app/config';
import { Injectable } from '@nestjs/common';
import { requestHash } from './domain/idempotency-key.js';
import { IdempotencyRepository, type KeyRef } from './idempotency.repository.js';
import {
  IdempotencyBodyInvalidError,
  IdempotencyInProgressError,
  IdempotencyKeyReusedError,
} from './idempotency.errors.js';

export type Begun = { replay: false } | { replay: true; body: unknown };

// A held key can vanish between the claim and the read (its first request failed and released
// it): claiming again then wins. More rounds than this means keys churning; answer "in progress".
const MAX_CLAIM_ROUNDS = 3;

@Injectable()
export class IdempotencyService {
  constructor(
    private readonly repository: IdempotencyRepository,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /**
   * Claims the key for this request, or answers why the handler must not run: the stored
   * response (same route and body), 422 (another route or body) or 409 (first still running).
   */
  async begin(ref: KeyRef, route: string, body: unknown): Promise<Begun> {
    const hash = requestHash(body);
    if (hash === undefined) throw new IdempotencyBodyInvalidError();
    for (let round = 0; round < MAX_CLAIM_ROUNDS; round++) {
      const now = await this.clock.now();
      const expiresAt = new Date(now.getTime() + this.config.idempotency.ttlSeconds * 1000);
      if (await this.repository.claim({ ...ref, route, requestHash: hash, now, expiresAt })) return { replay: false };
      const held = await this.repository.find(ref);
      if (!held) continue;
      if (held.route !== route || held.requestHash !== hash) throw new IdempotencyKeyReusedError();
      if (held.statusCode === null) throw new IdempotencyInProgressError();
      return { replay: true, body: held.responseBody ?? undefined };
    }
    throw new IdempotencyInProgressError();
  }

  complete(ref: KeyRef, statusCode: number, body: unknown): Promise<void> {
    return this.repository.complete(ref, statusCode, body);
  }

  /** After a failed request: the client may retry with the same key. */
  release(ref: KeyRef): Promise<void> {
    return this.repository.release(ref);
  }
}
