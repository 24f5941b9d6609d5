/**
 * What the notifications context emits on the `/realtime` socket.io namespace (its rooms are in
 * realtime/realtime-rooms.ts): a stored inbox item to its user, a request's status and counts to
 * the requesting agency. It publishes no outbox events; it consumes those of requests and consent.
 */
export const NOTIFICATION_EVENT = 'notification';
export const REQUEST_UPDATED_EVENT = 'request.updated';
