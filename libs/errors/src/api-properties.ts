/**
 * Schemas of values the contract repeats, each with the bound the api holds to, so that the
 * document says it (a generated client, a validating proxy and the OWASP lint all read it).
 */

export const INT32_MAX = 2_147_483_647;

export const UUID_PROPERTY = { type: String, format: 'uuid', maxLength: 36 } as const;

/**
 * An ISO 8601 instant. The api writes `toISOString()` (24 characters); it reads at most 40, which
 * holds any zone offset and nanoseconds.
 */
export const INSTANT_MAX_LENGTH = 40;
export const INSTANT_PROPERTY = { type: String, format: 'date-time', maxLength: INSTANT_MAX_LENGTH } as const;

/** A count of rows: never negative, always within an int32. */
export const COUNT_PROPERTY = { type: 'integer', format: 'int32', minimum: 0, maximum: INT32_MAX } as const;

/** A position in an append-only sequence (the audit chain): JSON numbers are exact up to 2^53 − 1. */
export const SEQUENCE_PROPERTY = { type: 'integer', format: 'int64', minimum: 1, maximum: Number.MAX_SAFE_INTEGER } as const;

/** Page cursors are base64url and opaque; the api's own are under 100 characters. */
export const CURSOR_MAX_LENGTH = 128;
export const NEXT_CURSOR_PROPERTY = {
  type: String,
  nullable: true,
  maxLength: CURSOR_MAX_LENGTH,
  pattern: '^[A-Za-z0-9_-]+$',
  description: 'Pass as `cursor` for the next page; null on the last page',
} as const;
