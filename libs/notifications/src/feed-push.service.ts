import { FeedService, toPostResponse, type PostResponse } from '@app/feed';
import { parentCell } from '@app/geo';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { FEED_DELIVERY } from './notifications.events.js';
import { RealtimeEmitter } from './realtime/realtime-emitter.js';
import { FEED_ROOM_RESOLUTION, feedRoom } from './realtime/realtime-rooms.js';

/** What the worker hands every api process for a new post: the post as readers see it, and its room. */
export interface FeedDelivery {
  room: string;
  /** Without `mine`, which each subscriber's api process fills in. */
  post: Omit<PostResponse, 'mine'>;
  /** To fill `mine`; never sent to a client. */
  authorId: string | null;
}

/**
 * Worker side of the live feed: a post's first publication (outbox `post.published`) goes, as the
 * HTTP API shows it, to every api process, which delivers it to its subscribers in the area. A post
 * no longer in the feed when the event is handled is not pushed.
 */
@Injectable()
export class FeedPushService {
  constructor(
    private readonly feed: FeedService,
    private readonly emitter: RealtimeEmitter,
  ) {}

  async push(postId: string, manager: EntityManager): Promise<void> {
    const row = await this.feed.published(postId, manager);
    if (!row) return;
    const { mine: _mine, ...post } = toPostResponse(row, '');
    const delivery: FeedDelivery = { room: feedRoom(parentCell(post.cell, FEED_ROOM_RESOLUTION)), post, authorId: row.authorId };
    this.emitter.serverSideEmit(FEED_DELIVERY, delivery);
  }
}
