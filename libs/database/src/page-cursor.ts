/**
 * Keyset position of the last item of a page, newest first by (time, id). Opaque to clients
 * (base64url), so the key can change without breaking them.
 */
export interface PagePosition {
  at: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const encodePageCursor = (position: PagePosition): string =>
  Buffer.from(`${position.at.toISOString()}|${position.id}`).toString('base64url');

/** Undefined for anything this API did not produce. */
export function decodePageCursor(cursor: string): PagePosition | undefined {
  const [iso, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (iso === undefined || id === undefined || rest.length > 0 || !UUID.test(id)) return undefined;
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) || at.toISOString() !== iso ? undefined : { at, id };
}
