import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/** A key is any 1–255 characters the client chooses (a UUID is typical). */
export const isValidIdempotencyKey = (key: unknown): key is string =>
  typeof key === 'string' && key.length >= 1 && key.length <= MAX_IDEMPOTENCY_KEY_LENGTH;

/**
 * SHA-256 of the body's RFC 8785 canonical JSON, so the same body sent with its keys in another
 * order or other whitespace counts as the same request. Undefined when the body has no canonical
 * form (a lone UTF-16 surrogate in a string).
 */
export function requestHash(body: unknown): string | undefined {
  let canonical: string | undefined;
  try {
    canonical = canonicalize(body ?? null);
  } catch {
    return undefined;
  }
  return createHash('sha256').update(canonical ?? 'null', 'utf8').digest('hex');
}
