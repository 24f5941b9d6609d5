import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/** prev_hash of the first event: there is no previous event, so 64 zeros stand in for it. */
export const GENESIS_HASH = '0'.repeat(64);

/** Exactly what one event's hash covers: every stored field except the hash itself. */
export interface AuditHashInput {
  seq: number;
  at: Date;
  actor: string;
  action: string;
  subject: string;
  data: Record<string, unknown>;
  prevHash: string;
}

/**
 * SHA-256 (hex) of the RFC 8785 canonical JSON of the event. Canonical JSON sorts keys and
 * fixes number formatting, so the hash survives jsonb's own key order; `at` is hashed as its
 * ISO string with milliseconds, which is the precision stored.
 */
export function auditHash(event: AuditHashInput): string {
  const canonical = canonicalize({
    seq: event.seq,
    at: event.at.toISOString(),
    actor: event.actor,
    action: event.action,
    subject: event.subject,
    data: event.data,
    prevHash: event.prevHash,
  });
  return createHash('sha256').update(canonical!, 'utf8').digest('hex');
}

/**
 * What jsonb gives back for `data`: undefined members dropped, Dates turned into strings …
 * Hashing this form (not the caller's object) makes the stored row hash to the stored hash.
 */
export const asStoredData = (data: Record<string, unknown> | undefined): Record<string, unknown> =>
  JSON.parse(JSON.stringify(data ?? {})) as Record<string, unknown>;
