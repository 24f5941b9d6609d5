import {
  HttpStatus,
  Injectable,
  Logger,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { catchError, from, mergeMap, of, throwError, type Observable } from 'rxjs';
import { isValidIdempotencyKey } from './domain/idempotency-key.js';
import { IdempotencyKeyInvalidError } from './idempotency.errors.js';
import type { KeyRef } from './idempotency.repository.js';
import { IdempotencyService } from './idempotency.service.js';

type IdempotentRequest = FastifyRequest & { user?: { id: string } };

/**
 * On @Idempotent() routes (the decorator attaches it), acts when an Idempotency-Key header came.
 * It runs after the guards (so request.user is known) and before validation, so it sees the raw body.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger(IdempotencyInterceptor.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly idempotency: IdempotencyService,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<IdempotentRequest>();
    const key = request.headers['idempotency-key'];
    if (key === undefined) return next.handle();
    if (!isValidIdempotencyKey(key)) throw new IdempotencyKeyInvalidError();

    const ref: KeyRef = { scope: request.user?.id ?? 'anonymous', key };
    const begun = await this.idempotency.begin(ref, `${request.method} ${request.url}`, request.body);
    // Nest sends a replay with the route's status, the same status that was stored with it.
    if (begun.replay) return of(begun.body);

    const statusCode =
      this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ??
      (request.method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);
    return next.handle().pipe(
      // Only the handler's failure frees the key; if storing the response fails, the key stays
      // claimed, because the change itself was made and a retry must not make it again.
      catchError((error: unknown) => from(this.releaseQuietly(ref)).pipe(mergeMap(() => throwError(() => error)))),
      mergeMap(async (body: unknown) => {
        await this.idempotency.complete(ref, statusCode, body);
        return body;
      }),
    );
  }

  private async releaseQuietly(ref: KeyRef): Promise<void> {
    try {
      await this.idempotency.release(ref);
    } catch (error) {
      this.logger.error({ err: error, scope: ref.scope }, 'could not release an idempotency key');
    }
  }
}
