import { COUNT_PROPERTY, INSTANT_PROPERTY, NEXT_CURSOR_PROPERTY, UUID_PROPERTY } from '@app/errors';
import { cellCenter, H3_CELL_PROPERTY, LatLngDto } from '@app/geo';
import { CASE_NUMBER_MAX, INCIDENT_TYPE_MAX } from '@app/requests';
import { ApiProperty } from '@nestjs/swagger';
import {
  authorOf,
  BODY_MAX,
  COMMENT_MAX,
  DECISION_REASON_MAX,
  MODERATION_ACTIONS,
  POST_CATEGORIES,
  POST_STATUSES,
  PROHIBITED_PURPOSE_PROPERTY,
  TITLE_MAX,
  type ModerationAction,
  type PostCategory,
  type PostStatus,
} from '../domain/post.js';
import type { CommentRow, PostRow, ReviewRow } from '../feed.repository.js';

export class AuthorResponse {
  @ApiProperty({ enum: ['agency', 'neighbor'] }) kind: 'agency' | 'neighbor';
  @ApiProperty({ maxLength: 120, example: 'Neighbor #2', description: "The agency's name, or the resident's number in this thread only" }) name: string;
  @ApiProperty({ description: 'True only for agencies: the verified badge' }) verified: boolean;
}

export class WindowResponse {
  @ApiProperty(INSTANT_PROPERTY) start: string;
  @ApiProperty(INSTANT_PROPERTY) end: string;
}

/** What a Request for Assistance shows of its footage request: never whom it asked. */
export class AssistanceRequestResponse {
  @ApiProperty(UUID_PROPERTY) id: string;
  @ApiProperty({ maxLength: CASE_NUMBER_MAX, example: '2031-000123' }) caseNumber: string;
  @ApiProperty({ maxLength: INCIDENT_TYPE_MAX, example: 'package-theft' }) incidentType: string;
  @ApiProperty({ type: WindowResponse }) window: WindowResponse;
  @ApiProperty({ type: 'array', items: { type: 'string', ...H3_CELL_PROPERTY }, maxItems: 2000, description: 'The area as H3 resolution-9 cells' })
  areaCells: string[];
  @ApiProperty({ enum: ['open', 'closed', 'expired'], description: "The request's status now" }) status: string;
}

export const POST_KINDS = ['post', 'request-for-assistance'] as const;

export class PostResponse {
  @ApiProperty(UUID_PROPERTY) id: string;
  @ApiProperty({ enum: POST_KINDS, description: "request-for-assistance: an agency's footage request, posted publicly where the policy delivers requests so" })
  kind: (typeof POST_KINDS)[number];
  @ApiProperty({ enum: POST_CATEGORIES }) category: PostCategory;
  @ApiProperty({ maxLength: TITLE_MAX }) title: string;
  @ApiProperty({ maxLength: BODY_MAX }) body: string;
  @ApiProperty({ ...H3_CELL_PROPERTY, description: 'The H3 resolution-9 cell (~0.1 km²) the post was made in' }) cell: string;
  @ApiProperty({ type: LatLngDto, description: "The cell's centre: never the point the author gave (invariant 7)" }) location: LatLngDto;
  @ApiProperty({ type: AuthorResponse }) author: AuthorResponse;
  @ApiProperty({ description: 'The author attached recordings of their own cameras (police cannot open them from here)' }) hasVideo: boolean;
  @ApiProperty(COUNT_PROPERTY) commentCount: number;
  @ApiProperty({ description: 'The caller wrote it' }) mine: boolean;
  @ApiProperty({
    enum: POST_STATUSES,
    description: 'Always published in the feed; its author (and moderators) also see it held by the policy, hidden by reports, or removed',
  })
  status: PostStatus;
  @ApiProperty({
    ...PROHIBITED_PURPOSE_PROPERTY,
    nullable: true,
    description: "Why a held post waits for a moderator: the active policy's prohibited purpose it matched",
  })
  heldBecause: string | null;
  @ApiProperty(INSTANT_PROPERTY) createdAt: string;
  @ApiProperty({ type: AssistanceRequestResponse, nullable: true }) request: AssistanceRequestResponse | null;
}

export class PostPageResponse {
  @ApiProperty({ type: [PostResponse], maxItems: 100, description: 'Newest first; at most `limit`' }) items: PostResponse[];
  @ApiProperty(NEXT_CURSOR_PROPERTY) nextCursor: string | null;
}

export class CommentResponse {
  @ApiProperty(UUID_PROPERTY) id: string;
  @ApiProperty(UUID_PROPERTY) postId: string;
  @ApiProperty({ maxLength: COMMENT_MAX }) body: string;
  @ApiProperty({ type: AuthorResponse }) author: AuthorResponse;
  @ApiProperty({ description: 'The caller wrote it' }) mine: boolean;
  @ApiProperty(INSTANT_PROPERTY) createdAt: string;
}

export class CommentPageResponse {
  @ApiProperty({ type: [CommentResponse], maxItems: 100, description: 'Oldest first; at most `limit`' }) items: CommentResponse[];
  @ApiProperty(NEXT_CURSOR_PROPERTY) nextCursor: string | null;
}

const requestOf = (post: PostRow): AssistanceRequestResponse | null =>
  post.requestId === null
    ? null
    : {
        id: post.requestId,
        caseNumber: post.caseNumber!,
        incidentType: post.incidentType!,
        window: { start: new Date(post.windowStart!).toISOString(), end: new Date(post.windowEnd!).toISOString() },
        areaCells: post.areaCells!,
        status: post.requestStatus!,
      };

export const toPostResponse = (post: PostRow, viewerId: string): PostResponse => ({
  id: post.id,
  kind: post.requestId === null ? 'post' : 'request-for-assistance',
  category: post.category,
  title: post.title,
  body: post.body,
  cell: post.cell,
  location: cellCenter(post.cell),
  author: authorOf(post.agencyName, post.neighborNumber),
  hasVideo: post.hasVideo,
  commentCount: post.commentCount,
  mine: post.authorId === viewerId,
  status: post.status,
  heldBecause: post.heldBecause,
  createdAt: new Date(post.createdAt).toISOString(),
  request: requestOf(post),
});

export const toCommentResponse = (comment: CommentRow, viewerId: string): CommentResponse => ({
  id: comment.id,
  postId: comment.postId,
  body: comment.body,
  author: authorOf(comment.agencyName, comment.neighborNumber),
  mine: comment.authorId === viewerId,
  createdAt: new Date(comment.createdAt).toISOString(),
});

export class ReportCountsResponse {
  @ApiProperty(COUNT_PROPERTY) profiling: number;
  @ApiProperty(COUNT_PROPERTY) misinformation: number;
  @ApiProperty(COUNT_PROPERTY) harassment: number;
  @ApiProperty(COUNT_PROPERTY) 'private-info': number;
  @ApiProperty(COUNT_PROPERTY) other: number;
}

export class DecisionResponse {
  @ApiProperty({ enum: MODERATION_ACTIONS }) action: ModerationAction;
  @ApiProperty({ maxLength: DECISION_REASON_MAX }) reason: string;
  @ApiProperty(INSTANT_PROPERTY) decidedAt: string;
}

/** A post as moderators review it: the public face (never the author's identity) and its reports. */
export class ReviewResponse extends PostResponse {
  @ApiProperty({ ...COUNT_PROPERTY, description: 'Distinct users who reported it' }) reportCount: number;
  @ApiProperty({ type: ReportCountsResponse }) reports: ReportCountsResponse;
  @ApiProperty({ type: DecisionResponse, nullable: true }) decision: DecisionResponse | null;
}

export class ReviewPageResponse {
  @ApiProperty({ type: [ReviewResponse], maxItems: 100, description: 'Most reported first, then oldest; at most `limit`' }) items: ReviewResponse[];
  @ApiProperty(NEXT_CURSOR_PROPERTY) nextCursor: string | null;
}

export const toReviewResponse = (post: ReviewRow, viewerId: string): ReviewResponse => ({
  ...toPostResponse(post, viewerId),
  reportCount: post.reportCount,
  reports: post.reports,
  decision:
    post.decision === null
      ? null
      : { action: post.decision, reason: post.decisionReason!, decidedAt: new Date(post.decidedAt!).toISOString() },
});
