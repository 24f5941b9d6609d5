import { type AuthUser, RequestAuthenticator } from '@app/auth';
import { createValidationPipe, DomainError, ValidationError } from '@app/errors';
import { cellsCoveringCircle, distanceMeters, type LatLng } from '@app/geo';
import { Logger } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, type OnGatewayConnection, type OnGatewayInit } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import type { FeedDelivery } from '../feed-push.service.js';
import { ERROR_EVENT, FEED_DELIVERY, FEED_POST_EVENT, FEED_SUBSCRIBE, FEED_UNSUBSCRIBE } from '../notifications.events.js';
import { FeedSubscriptionDto } from './feed-subscription.dto.js';
import { agencyRoom, FEED_ROOM_RESOLUTION, feedRoom, isFeedRoom, REALTIME_NAMESPACE, userRoom } from './realtime-rooms.js';

interface FeedSubscription {
  center: LatLng;
  radiusMeters: number;
}

/** The ack of feed.subscribe and feed.unsubscribe (Nest sends no ack for null). */
type SubscribeAnswer = { subscribed: false } | ({ subscribed: true } & FeedSubscription);

type AuthedSocket = Socket & { data: { user?: AuthUser; feed?: FeedSubscription } };

const validation = createValidationPipe();

/**
 * `/realtime`: the handshake's `auth.token` is checked like a Bearer token (a bad, expired or
 * orphaned token is a `connect_error` with the error code in `data`; no connection is made),
 * then the socket joins `user:<id>` and, for agency staff, `agency:<id>`. Pushes come from the
 * worker through the Redis adapter. Clients may follow one area of the feed (`feed.subscribe`,
 * `feed.unsubscribe`); a bad message is answered with an `error` event, never dropped.
 */
@WebSocketGateway({ namespace: REALTIME_NAMESPACE })
export class RealtimeGateway implements OnGatewayInit<Namespace>, OnGatewayConnection<AuthedSocket> {
  private readonly logger = new Logger(RealtimeGateway.name);

  constructor(private readonly authenticator: RequestAuthenticator) {}

  afterInit(namespace: Namespace): void {
    namespace.on(FEED_DELIVERY, (delivery: FeedDelivery) => this.deliver(namespace, delivery));
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

  /**
   * Follows the circle's new posts: the socket joins the coarse cells' rooms around it (leaving an
   * earlier area's), and keeps the circle to deliver exactly what lies in it. Answers (ack) with
   * the area followed, or `{subscribed: false}` after the `error` event (and no area followed).
   */
  @SubscribeMessage(FEED_SUBSCRIBE)
  async subscribe(@ConnectedSocket() socket: AuthedSocket, @MessageBody() payload: unknown): Promise<SubscribeAnswer> {
    let area: FeedSubscriptionDto;
    try {
      area = await this.validSubscription(payload);
    } catch (error) {
      const problem = error instanceof DomainError ? error : new ValidationError('Invalid feed.subscribe payload');
      socket.emit(ERROR_EVENT, { event: FEED_SUBSCRIBE, code: problem.code, message: problem.message, details: problem.details });
      return { subscribed: false };
    }
    this.leaveFeed(socket);
    const subscription = { center: { lat: area.lat, lng: area.lng }, radiusMeters: area.radiusMeters };
    socket.data.feed = subscription;
    await socket.join(cellsCoveringCircle(subscription.center, subscription.radiusMeters, FEED_ROOM_RESOLUTION).map(feedRoom));
    return { subscribed: true, ...subscription };
  }

  @SubscribeMessage(FEED_UNSUBSCRIBE)
  unsubscribe(@ConnectedSocket() socket: AuthedSocket): SubscribeAnswer {
    this.leaveFeed(socket);
    return { subscribed: false };
  }

  private async validSubscription(payload: unknown): Promise<FeedSubscriptionDto> {
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
      throw new ValidationError('feed.subscribe takes {lat, lng, radiusMeters}', [{ field: '', problems: ['must be an object'] }]);
    }
    return validation.transform(payload, { type: 'body', metatype: FeedSubscriptionDto });
  }

  private leaveFeed(socket: AuthedSocket): void {
    delete socket.data.feed;
    for (const room of socket.rooms) if (isFeedRoom(room)) void socket.leave(room);
  }

  /** This process's sockets in the post's room whose circle holds the post's place get it, once each. */
  private deliver(namespace: Namespace, { room, post, authorId }: FeedDelivery): void {
    for (const id of namespace.adapter.rooms.get(room) ?? []) {
      const socket = namespace.sockets.get(id) as AuthedSocket | undefined;
      const feed = socket?.data.feed;
      if (!socket || !feed || distanceMeters(feed.center, post.location) > feed.radiusMeters) continue;
      socket.emit(FEED_POST_EVENT, { ...post, mine: authorId !== null && authorId === socket.data.user?.id });
    }
  }
}
