import { randomUUID } from 'node:crypto';
import type { AuthUser } from '@app/auth';
import { Clock } from '@app/clock';
import { encodePageCursor, keysetPage, parseCursor } from '@app/database';
import type { LatLng } from '@app/geo';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { PostCategory } from './domain/post.js';
import { snapped } from './snapped-place.js';
import { PostNotFoundError, PostRecordingsNotFoundError } from './feed.errors.js';
import { FeedRepository, type CommentRow, type FeedArea, type PostRow } from './feed.repository.js';

export interface PostInput {
  category: PostCategory;
  title: string;
  body: string;
  location: LatLng;
  recordingIds?: string[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const cursorOf = (last: { createdAt: Date; id: string }): string => encodePageCursor({ at: last.createdAt, id: last.id });

@Injectable()
export class FeedService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly feed: FeedRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * A neighbour's or an agency's post. The point given is kept but never shown: readers get its
   * H3 cell. Agency staff post as their agency; a resident is Neighbor #1 of their own thread.
   */
  create(author: AuthUser, input: PostInput): Promise<PostRow> {
    return this.dataSource.transaction(async (manager) => {
      const id = randomUUID();
      await this.feed.insertPost(manager, {
        id,
        authorId: author.id,
        agencyId: author.agencyId,
        category: input.category,
        title: input.title,
        body: input.body,
        location: input.location,
        place: snapped(input.location),
        createdAt: await this.clock.now(manager),
      });
      if (author.agencyId === null) await this.feed.neighborNumber(manager, id, author.id);
      if (input.recordingIds !== undefined) await this.attach(manager, id, author, input.recordingIds);
      return (await this.feed.post(manager, id))!;
    });
  }

  async get(id: string): Promise<PostRow> {
    const post = await this.feed.post(this.dataSource.manager, id);
    if (!post) throw new PostNotFoundError();
    return post;
  }

  async page(area: FeedArea, category: PostCategory | undefined, limit: number, cursor?: string): Promise<Page<PostRow>> {
    const rows = await this.feed.page(this.dataSource.manager, area, category, parseCursor(cursor), limit + 1);
    return keysetPage(rows, limit, cursorOf);
  }

  /** A comment joins the thread: a resident gets the next neighbour number on their first. */
  comment(author: AuthUser, postId: string, body: string): Promise<CommentRow> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.feed.countComment(manager, postId))) throw new PostNotFoundError();
      if (author.agencyId === null) await this.feed.neighborNumber(manager, postId, author.id);
      const id = randomUUID();
      await this.feed.insertComment(manager, { id, postId, authorId: author.id, agencyId: author.agencyId, body, createdAt: await this.clock.now(manager) });
      return (await this.feed.comment(manager, id))!;
    });
  }

  async comments(postId: string, limit: number, cursor?: string): Promise<Page<CommentRow>> {
    const after = parseCursor(cursor);
    await this.get(postId);
    const rows = await this.feed.comments(this.dataSource.manager, postId, after, limit + 1);
    return keysetPage(rows, limit, cursorOf);
  }

  /** Only the author's own recordings: any other id is "not found", and nothing is attached. */
  private async attach(manager: EntityManager, postId: string, author: AuthUser, recordingIds: string[]): Promise<void> {
    const wanted = [...new Set(recordingIds)];
    const attached = await this.feed.attachRecordings(manager, postId, author.id, wanted);
    const missing = wanted.filter((id) => !attached.includes(id));
    if (missing.length > 0) throw new PostRecordingsNotFoundError(missing);
  }
}
