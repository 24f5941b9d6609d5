/** The socket.io namespace, rooms and event names shared by the api's gateway and the worker's emitter. */
export const REALTIME_NAMESPACE = '/realtime';
export const userRoom = (userId: string): string => `user:${userId}`;
export const agencyRoom = (agencyId: string): string => `agency:${agencyId}`;

export const NOTIFICATION_EVENT = 'notification';
export const REQUEST_UPDATED_EVENT = 'request.updated';

/** One Redis channel prefix per deployment (QUEUE_PREFIX), so test files and tenants never hear each other. */
export const realtimeKey = (queuePrefix: string): string => `${queuePrefix}-socket.io`;
