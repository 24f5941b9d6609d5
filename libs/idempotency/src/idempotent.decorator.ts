import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { MAX_IDEMPOTENCY_KEY_LENGTH } from './domain/idempotency-key.js';
import { IdempotencyInterceptor } from './idempotency.interceptor.js';

/** For creating POSTs: a client may send an Idempotency-Key to make retries safe. */
export const Idempotent = (): MethodDecorator =>
  applyDecorators(
    // On these routes only, not global: every other request skips an interceptor's rxjs round.
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      schema: { type: 'string', minLength: 1, maxLength: MAX_IDEMPOTENCY_KEY_LENGTH },
      description:
        'Retrying with the same key and body returns the first response and creates nothing. ' +
        'Another body or route with the key: 422 IDEMPOTENCY_KEY_REUSED; while the first request runs: ' +
        '409 IDEMPOTENCY_IN_PROGRESS; a failed request frees the key. Keys are per user and expire after 24 h (IDEMPOTENCY_TTL_SECONDS).',
    }),
  );
