import { decodePageCursor, encodePageCursor } from '@app/database';
import type { QueuePosition } from './feed.repository.js';

/**
 * The moderation queue's keyset position: its report count before the usual (time, id) page
 * cursor, which base64url keeps free of the '.' between them. Opaque to clients.
 */
export const encodeQueueCursor = (last: QueuePosition): string => `${last.reportCount}.${encodePageCursor(last)}`;

/** Undefined for anything this API did not produce. */
export function decodeQueueCursor(cursor: string): QueuePosition | undefined {
  const match = /^(\d{1,9})\.(.+)$/.exec(cursor);
  const position = match ? decodePageCursor(match[2]!) : undefined;
  return position && { reportCount: Number(match![1]), ...position };
}
