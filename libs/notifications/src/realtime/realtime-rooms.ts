/** The socket.io namespace and rooms shared by the api's gateway and the worker's emitter (event names: notifications.events.ts). */
export const REALTIME_NAMESPACE = '/realtime';
export const userRoom = (userId: string): string => `user:${userId}`;
export const agencyRoom = (agencyId: string): string => `agency:${agencyId}`;

/**
 * Feed subscribers join the rooms of the resolution-6 cells (~36 km²) around their circle: a
 * 5 km circle is at most 19 rooms, and a post goes to the one room of its cell's parent; each api
 * process then keeps only the subscribers whose circle holds the post.
 */
export const FEED_ROOM_RESOLUTION = 6;
export const feedRoom = (coarseCell: string): string => `feed:${coarseCell}`;
export const isFeedRoom = (room: string): boolean => room.startsWith('feed:');

/** One Redis channel prefix per deployment (QUEUE_PREFIX), so test files and tenants never hear each other. */
export const realtimeKey = (queuePrefix: string): string => `${queuePrefix}-socket.io`;
