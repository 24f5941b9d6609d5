import { type AuthUser, RequestAuthenticator } from '@app/auth';
import { DomainError } from '@app/errors';
import { Logger } from '@nestjs/common';
import { WebSocketGateway, type OnGatewayConnection, type OnGatewayInit } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { agencyRoom, REALTIME_NAMESPACE, userRoom } from './realtime-rooms.js';

type AuthedSocket = Socket & { data: { user?: AuthUser } };

/**
 * `/realtime`: the handshake's `auth.token` is checked like a Bearer token (a bad, expired or
 * orphaned token is a `connect_error` with the error code in `data`; no connection is made),
 * then the socket joins `user:<id>` and, for agency staff, `agency:<id>`. Pushes come from the
 * worker through the Redis adapter; clients send nothing here.
 */
@WebSocketGateway({ namespace: REALTIME_NAMESPACE })
export class RealtimeGateway implements OnGatewayInit<Namespace>, OnGatewayConnection<AuthedSocket> {
  private readonly logger = new Logger(RealtimeGateway.name);

  constructor(private readonly authenticator: RequestAuthenticator) {}

  afterInit(namespace: Namespace): void {
    namespace.use((socket: AuthedSocket, next) => {
      const token: unknown = socket.handshake.auth?.token;
      if (typeof token !== 'string' || token === '') {
        next(Object.assign(new Error('An access token is required in the handshake: auth.token'), { data: { code: 'UNAUTHORIZED' } }));
        return;
      }
      this.authenticator.authenticate(token).then(
        (user) => {
          socket.data.user = user;
          next();
        },
        (error: unknown) => {
          if (!(error instanceof DomainError)) this.logger.error({ err: error }, 'socket handshake failed');
          const code = error instanceof DomainError ? error.code : 'INTERNAL';
          next(Object.assign(new Error(error instanceof DomainError ? error.message : 'Could not check the token'), { data: { code } }));
        },
      );
    });
  }

  async handleConnection(socket: AuthedSocket): Promise<void> {
    const user = socket.data.user!;
    await socket.join(user.agencyId === null ? [userRoom(user.id)] : [userRoom(user.id), agencyRoom(user.agencyId)]);
  }
}
