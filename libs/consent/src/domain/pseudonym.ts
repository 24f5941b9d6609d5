import { createHmac } from 'node:crypto';

/**
 * Keyed, one-way ids for people in records that others may read (receipts, access logs): the
 * same person always gets the same id, nobody without the key can tell who it is, and ids of
 * different kinds never coincide (the kind is part of the hashed input).
 */
export function pseudonymOf(key: Buffer, kind: 'principal' | 'officer', userId: string): string {
  return `${kind}-${createHmac('sha256', key).update(`${kind}:${userId}`).digest('hex').slice(0, 24)}`;
}
