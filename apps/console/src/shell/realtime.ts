import { io } from 'socket.io-client';
import { useEffect, useRef, useState } from 'preact/hooks';

export type Handlers = Record<string, (payload: any) => void>;
export type Connection = 'connecting' | 'live' | 'refused';

/**
 * The user's live socket on /realtime (DESIGN.md, "Realtime"): `notification` to the user,
 * `request.updated` to their agency. Handlers may change between renders without reconnecting.
 */
export function useRealtime(token: string, handlers: Handlers): Connection {
  const current = useRef(handlers);
  current.current = handlers;
  const [connection, setConnection] = useState<Connection>('connecting');
  useEffect(() => {
    const socket = io(`${location.origin}/realtime`, { auth: { token }, transports: ['websocket'] });
    socket.on('connect', () => setConnection('live'));
    socket.on('connect_error', () => setConnection('refused'));
    socket.on('disconnect', () => setConnection('connecting'));
    socket.onAny((event: string, payload: unknown) => current.current[event]?.(payload));
    return () => socket.close();
  }, [token]);
  return connection;
}
