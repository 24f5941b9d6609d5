import { io, type Socket } from 'socket.io-client';
import type { TestContext } from './test-context.js';

/** A socket.io client on the api's /realtime namespace that records every event it receives. */
export interface RealtimeClient {
  socket: Socket;
  events: { event: string; payload: any }[];
  of(event: string): any[];
  close(): void;
}

/** The api listening on a free port (once per file), so that real sockets can reach it. */
export async function listenOnce(ctx: TestContext): Promise<string> {
  const server = ctx.api.app.getHttpServer();
  if (!server.listening) await ctx.api.app.listen(0, '127.0.0.1');
  const address = server.address() as { port: number };
  return `http://127.0.0.1:${address.port}`;
}

/** Connects to the file's api with `token`; resolves once connected, rejects with the server's connect_error. */
export async function connect(ctx: TestContext, token: string | undefined): Promise<RealtimeClient> {
  return connectTo(await listenOnce(ctx), token);
}

/** Connects to the api at `baseUrl` (one of several api processes, say). */
export async function connectTo(baseUrl: string, token: string | undefined): Promise<RealtimeClient> {
  const socket = io(`${baseUrl}/realtime`, { auth: token === undefined ? {} : { token }, transports: ['websocket'], reconnection: false });
  const events: RealtimeClient['events'] = [];
  socket.onAny((event: string, payload: unknown) => events.push({ event, payload }));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
  return {
    socket,
    events,
    of: (event) => events.filter((received) => received.event === event).map((received) => received.payload),
    close: () => socket.close(),
  };
}
