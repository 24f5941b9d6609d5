import { ValidationError } from '@app/errors';

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

/** A `cursor` query parameter decoded by `decode`; one this API did not hand out is a 400. */
export function parseCursor(cursor: string | undefined): PagePosition | undefined;
export function parseCursor<T>(cursor: string | undefined, decode: (cursor: string) => T | undefined): T | undefined;
export function parseCursor(cursor: string | undefined, decode: (cursor: string) => unknown = decodePageCursor): unknown {
  if (cursor === undefined) return undefined;
  const position = decode(cursor);
  if (position === undefined) {
    throw new ValidationError('cursor is not one this API returned', [{ field: 'cursor', problems: ['invalid'] }], 'CURSOR_INVALID');
  }
  return position;
}

/**
 * A page from `limit + 1` rows read past the previous cursor: the extra row only tells that there
 * is a next page, whose cursor is that of the page's last item.
 */
export function keysetPage<T>(rows: T[], limit: number, cursorOf: (last: T) => string): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last !== undefined ? cursorOf(last) : null };
}
