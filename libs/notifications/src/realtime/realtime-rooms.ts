/** The socket.io namespace and rooms shared by the api's gateway and the worker's emitter (event names: notifications.events.ts). */
export const REALTIME_NAMESPACE = '/realtime';
export const userRoom = (userId: string): string => `user:${userId}`;
export const agencyRoom = (agencyId: string): string => `agency:${agencyId}`;

/** One Redis channel prefix per deployment (QUEUE_PREFIX), so test files and tenants never hear each other. */
export const realtimeKey = (queuePrefix: string): string => `${queuePrefix}-socket.io`;
