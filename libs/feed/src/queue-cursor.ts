import type { QueuePosition } from './feed.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The moderation queue's keyset position (reports, then time, then id), opaque to clients. */
export const encodeQueueCursor = (last: QueuePosition): string =>
  Buffer.from(`${last.reportCount}|${new Date(last.at).toISOString()}|${last.id}`).toString('base64url');

/** Undefined for anything this API did not produce. */
export function decodeQueueCursor(cursor: string): QueuePosition | undefined {
  const [count, iso, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (count === undefined || iso === undefined || id === undefined || rest.length > 0 || !/^\d{1,9}$/.test(count) || !UUID.test(id)) return undefined;
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) || at.toISOString() !== iso ? undefined : { reportCount: Number(count), at, id };
}
