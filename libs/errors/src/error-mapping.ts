import { HttpException, HttpStatus } from '@nestjs/common';
import { DomainError, statusOfKind } from './domain-error.js';

export interface MappedError {
  statusCode: number;
  message: string;
  code?: string;
  details?: unknown;
  /** Unexpected errors are logged with their stack; expected ones are not. */
  unexpected: boolean;
}

const httpCodes: Partial<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

// Fastify rejects bodies before a handler runs; these are its codes for what a client sent wrong.
const fastifyCodes: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
};

// Fastify's router rejects these before any hook, pipe or filter runs (see routerErrorHandler).
const routerErrors: Record<string, { code: string; message: string }> = {
  FST_ERR_BAD_URL: { code: 'BAD_URL', message: 'The URL is not valid: a part of it cannot be decoded' },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'URI_TOO_LONG', message: 'A path parameter is longer than any id' },
};

function messageOf(response: string | object, fallback: string): string {
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : fallback;
}

/** PostgreSQL's SQLSTATE classes for a lost or refused connection: 08 (connection exception), 57P01–57P03 (shutting down, cannot connect now). */
const PG_UNAVAILABLE = /^(08|57P0[1-3])/;
/** The network's own refusals, on connecting to PostgreSQL or Redis. */
const NETWORK_DOWN = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** node-postgres's pool and client, when the server is gone or does not answer in time. */
const PG_DOWN_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly/;

/** ioredis, when its connection is gone and it queues no command (enableOfflineQueue off, or the retries spent). */
const REDIS_DOWN_MESSAGES = /^Connection is closed\.$|^Stream isn't writeable/;

type Thrown = { name?: unknown; code?: unknown; message?: unknown; driverError?: Thrown; cause?: Thrown } | null | undefined;

/**
 * Which service the api depends on did not answer, when that is why a request failed: never a
 * 500 for an outage, so a client knows to try again. Read from the error's shape (TypeORM's
 * QueryFailedError keeps the driver's error; ioredis names its own).
 */
function unavailableService(error: unknown): 'DATABASE_UNAVAILABLE' | 'REDIS_UNAVAILABLE' | undefined {
  const thrown = error as Thrown;
  if (thrown?.name === 'MaxRetriesPerRequestError' || (typeof thrown?.message === 'string' && REDIS_DOWN_MESSAGES.test(thrown.message))) return 'REDIS_UNAVAILABLE';
  for (const candidate of [thrown, thrown?.driverError, thrown?.cause]) {
    const code = typeof candidate?.code === 'string' ? candidate.code : '';
    if (PG_UNAVAILABLE.test(code) || NETWORK_DOWN.has(code)) return 'DATABASE_UNAVAILABLE';
    if (typeof candidate?.message === 'string' && PG_DOWN_MESSAGES.test(candidate.message)) return 'DATABASE_UNAVAILABLE';
  }
  return undefined;
}

/** Maps anything thrown while handling a request to a status and the contract's fields. */
export function mapError(error: unknown): MappedError {
  const unavailable = unavailableService(error);
  if (unavailable !== undefined) {
    const what = unavailable === 'DATABASE_UNAVAILABLE' ? 'PostgreSQL' : 'Redis';
    return { statusCode: HttpStatus.SERVICE_UNAVAILABLE, message: `${what} does not answer; try again shortly`, code: unavailable, unexpected: false };
  }
  if (error instanceof DomainError) {
    return { statusCode: statusOfKind[error.kind], message: error.message, code: error.code, details: error.details, unexpected: false };
  }
  if (error instanceof HttpException) {
    const statusCode = error.getStatus();
    // Nest wraps Fastify's own client errors (bad JSON, wrong media type …) and keeps them as cause.
    const fastifyCode = (error.cause as { code?: unknown } | undefined)?.code;
    const code = typeof fastifyCode === 'string' ? fastifyCodes[fastifyCode] : undefined;
    return {
      statusCode,
      message: code === 'MALFORMED_JSON' ? 'The body is not valid JSON' : messageOf(error.getResponse(), error.message),
      code: code ?? httpCodes[statusCode],
      unexpected: statusCode >= 500,
    };
  }
  return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, message: 'Internal server error', unexpected: true };
}

/** The router's own rejections (malformed URL, over-long path parameter), for `frameworkErrors`. */
export function mapRouterError(error: { code?: string; statusCode?: number; message: string }): MappedError {
  const known = error.code === undefined ? undefined : routerErrors[error.code];
  return {
    statusCode: error.statusCode ?? HttpStatus.BAD_REQUEST,
    message: known?.message ?? error.message,
    code: known?.code ?? 'BAD_REQUEST',
    unexpected: false,
  };
}
