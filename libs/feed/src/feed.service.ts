import { randomUUID } from 'node:crypto';
import { AuditService } from '@app/audit';
import { actorOf, type AuthUser } from '@app/auth';
import { Clock } from '@app/clock';
import { AppConfig } from '@app/config';
import { encodePageCursor, keysetPage, parseCursor } from '@app/database';
import { cellOf, cellsOfPolygon, cellsWithinRadius, type LatLng } from '@app/geo';
import { OutboxService } from '@app/outbox';
import { checkPostPurpose, PolicyService } from '@app/policy';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { mayOpen, requestTitle, statusAfterReport, type ModerationAction, type PostCategory, type ReportReason } from './domain/post.js';
import { decodeQueueCursor, encodeQueueCursor } from './queue-cursor.js';
import { PostAlreadyDecidedError, PostAlreadyReportedError, PostNotFoundError, PostRecordingsNotFoundError } from './feed.errors.js';
import { POST_HELD, POST_HIDDEN, POST_KEPT, POST_PUBLISHED, POST_REMOVED, POST_REPORTED } from './feed.events.js';
import { FeedRepository, type CommentRow, type PostRow, type ReviewRow } from './feed.repository.js';

export interface PostInput {
  category: PostCategory;
  title: string;
  body: string;
  location: LatLng;
  recordingIds?: string[];
}

export interface FeedArea {
  center: LatLng;
  radiusMeters: number;
}

export interface ReportInput {
  reason: ReportReason;
  note?: string;
}

export interface Report {
  postId: string;
  reason: ReportReason;
  note: string | null;
  createdAt: Date;
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
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
  ) {}

  /**
   * A neighbour's or an agency's post. The point given is kept but never shown: readers get its
   * H3 cell. Agency staff post as their agency; a resident is Neighbor #1 of their own thread.
   * Where the active policy prohibits descriptions by race alone, such a post is held for a
   * moderator instead of published, and the author is told why.
   */
  create(author: AuthUser, input: PostInput): Promise<PostRow> {
    return this.dataSource.transaction(async (manager) => {
      const id = randomUUID();
      const policy = await this.policy.active(manager);
      const screened = checkPostPurpose(policy, input);
      const heldBecause = screened === null ? null : String(screened.details.purpose);
      await this.feed.insertPost(manager, {
        id,
        authorId: author.id,
        agencyId: author.agencyId,
        category: input.category,
        title: input.title,
        body: input.body,
        location: input.location,
        cell: cellOf(input.location),
        status: heldBecause === null ? 'published' : 'held',
        heldBecause,
        createdAt: await this.clock.now(manager),
        request: null,
      });
      if (author.agencyId === null) await this.feed.neighborNumber(manager, id, author.id);
      if (input.recordingIds !== undefined) await this.attach(manager, id, author, input.recordingIds);
      if (heldBecause === null) await this.outbox.publish(manager, POST_PUBLISHED, { postId: id });
      else await this.audit.record(manager, { actor: 'system', action: POST_HELD, subject: `post:${id}`, data: { purpose: heldBecause, policy: policy.profile } });
      return (await this.feed.post(manager, id))!;
    });
  }

  /**
   * A footage request delivered as a public post (the policy's `requestDelivery: public-post`): the
   * outbox handler of REQUEST_POSTED writes it once, as its agency's verified post, placed at the
   * area's centre cell and showing the area as H3 cells — never whom it asked. Null when it exists.
   */
  async postRequest(requestId: string, manager: EntityManager): Promise<PostRow | null> {
    const request = await this.feed.requestToPost(manager, requestId);
    if (!request) return null;
    const id = randomUUID();
    const inserted = await this.feed.insertPost(manager, {
      id,
      authorId: null,
      agencyId: request.agencyId,
      category: 'crime',
      title: requestTitle(request.incidentType),
      body: request.description,
      location: request.center,
      cell: cellOf(request.center),
      status: 'published',
      heldBecause: null,
      createdAt: request.createdAt,
      request: { id: requestId, areaCells: cellsOfPolygon(request.polygon, request.center) },
    });
    if (!inserted) return null;
    await this.outbox.publish(manager, POST_PUBLISHED, { postId: id });
    return this.feed.post(manager, id);
  }

  /** A post as everyone may see it now, for a push: null once it is not in the feed. */
  async published(postId: string, manager: EntityManager): Promise<PostRow | null> {
    const post = await this.feed.post(manager, postId);
    return post && post.status === 'published' && post.requestStatus !== 'deleted' ? post : null;
  }

  /** A published post; one that is not is seen only by its author and moderators (404 for others). */
  async get(viewer: AuthUser, id: string): Promise<PostRow> {
    const post = await this.feed.post(this.dataSource.manager, id);
    if (!post || !mayOpen(post, viewer)) throw new PostNotFoundError();
    return post;
  }

  /** Published posts whose cell centre lies within the circle, newest first, in keyset pages. */
  async page(area: FeedArea, category: PostCategory | undefined, limit: number, cursor?: string): Promise<Page<PostRow>> {
    const after = parseCursor(cursor);
    const rows = await this.feed.page(this.dataSource.manager, cellsWithinRadius(area.center, area.radiusMeters), category, after, limit + 1);
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

  async comments(viewer: AuthUser, postId: string, limit: number, cursor?: string): Promise<Page<CommentRow>> {
    const after = parseCursor(cursor);
    await this.get(viewer, postId);
    const rows = await this.feed.comments(this.dataSource.manager, postId, after, limit + 1);
    return keysetPage(rows, limit, cursorOf);
  }

  /**
   * One report per user and post (409 on a second). Enough distinct reporters hide the post until
   * a moderator decides (FEED_HIDE_AFTER_REPORTS); a post a moderator kept stays up.
   */
  report(reporter: AuthUser, postId: string, input: ReportInput): Promise<Report> {
    return this.dataSource.transaction(async (manager) => {
      const post = await this.feed.lock(manager, postId);
      if (!post || post.status !== 'published') throw new PostNotFoundError();
      const report = { postId, reporterId: reporter.id, reason: input.reason, note: input.note ?? null, createdAt: await this.clock.now(manager) };
      if (!(await this.feed.insertReport(manager, report))) throw new PostAlreadyReportedError();
      const reportCount = post.reportCount + 1;
      const status = statusAfterReport({ status: post.status, decided: post.decision !== null, reportCount }, this.config.feed.hideAfterReports);
      await this.feed.setReported(manager, postId, reportCount, status);
      await this.audit.record(manager, { actor: actorOf(reporter), action: POST_REPORTED, subject: `post:${postId}`, data: { reason: input.reason } });
      if (status === 'hidden') {
        await this.audit.record(manager, { actor: 'system', action: POST_HIDDEN, subject: `post:${postId}`, data: { reports: reportCount } });
      }
      return { postId, reason: report.reason, note: report.note, createdAt: report.createdAt };
    });
  }

  /** Undecided posts reported or held, most reported first. */
  async queue(limit: number, cursor?: string): Promise<Page<ReviewRow>> {
    const rows = await this.feed.queue(this.dataSource.manager, parseCursor(cursor, decodeQueueCursor), limit + 1);
    return keysetPage(rows, limit, (last) => encodeQueueCursor({ reportCount: last.reportCount, at: last.createdAt, id: last.id }));
  }

  /** A moderator keeps a post (it is published) or removes it (its author is told); once. */
  decide(moderator: AuthUser, postId: string, decision: { action: ModerationAction; reason: string }): Promise<ReviewRow> {
    return this.dataSource.transaction(async (manager) => {
      const post = await this.feed.lock(manager, postId);
      if (!post) throw new PostNotFoundError();
      if (post.decision !== null) throw new PostAlreadyDecidedError(post.decision);
      const removed = decision.action === 'remove';
      await this.feed.decide(manager, postId, { ...decision, status: removed ? 'removed' : 'published', at: await this.clock.now(manager) });
      await this.audit.record(manager, {
        actor: actorOf(moderator),
        action: removed ? POST_REMOVED : POST_KEPT,
        subject: `post:${postId}`,
        data: { reason: decision.reason, statusBefore: post.status, reports: post.reportCount },
      });
      // A held post is published for the first time: live subscribers get it now. (A hidden one
      // was published, and pushed, before it was hidden.)
      if (!removed && post.status === 'held') await this.outbox.publish(manager, POST_PUBLISHED, { postId });
      // A Request for Assistance has no author account to tell; its agency sees it gone from the feed.
      if (removed && post.authorId !== null) {
        await this.outbox.publish(manager, POST_REMOVED, { postId, authorId: post.authorId, title: post.title, reason: decision.reason });
      }
      return (await this.feed.review(manager, postId))!;
    });
  }

  /** Only the author's own recordings: any other id is "not found", and nothing is attached. */
  private async attach(manager: EntityManager, postId: string, author: AuthUser, recordingIds: string[]): Promise<void> {
    const wanted = [...new Set(recordingIds)];
    const attached = await this.feed.attachRecordings(manager, postId, author.id, wanted);
    const missing = wanted.filter((id) => !attached.includes(id));
    if (missing.length > 0) throw new PostRecordingsNotFoundError(missing);
  }
}
