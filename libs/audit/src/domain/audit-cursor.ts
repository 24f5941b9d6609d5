/**
 * Page cursors are opaque to clients (base64url of the last seq returned) so the paging key can
 * change later without breaking them. Anything that does not decode to a positive seq is invalid.
 */
export const encodeAuditCursor = (seq: number): string => Buffer.from(`seq:${seq}`).toString('base64url');

export function decodeAuditCursor(cursor: string): number | undefined {
  const match = /^seq:([1-9][0-9]{0,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : undefined;
}
