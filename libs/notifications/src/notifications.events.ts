/**
 * What the notifications context emits on the `/realtime` socket.io namespace (its rooms are in
 * realtime/realtime-rooms.ts): a stored inbox item to its user, a request's status and counts to
 * the requesting agency, a new feed post to the clients that subscribed to its area. It publishes
 * no outbox events; it consumes those of requests, consent, overrides and feed.
 */
export const NOTIFICATION_EVENT = 'notification';
export const REQUEST_UPDATED_EVENT = 'request.updated';
export const FEED_POST_EVENT = 'feed.post';
/** A bad message from a client: `{code, message, details?}`, the contract's error codes. */
export const ERROR_EVENT = 'error';

/** What clients send: an area of the feed to follow (`{lat, lng, radiusMeters}`), and leaving it. */
export const FEED_SUBSCRIBE = 'feed.subscribe';
export const FEED_UNSUBSCRIBE = 'feed.unsubscribe';

/** Between processes only (worker → every api process): a post to deliver to its local subscribers. */
export const FEED_DELIVERY = 'feed.delivery';
