/**
 * What the feed context announces. Audit actions for what happens to a post beyond its writing
 * (held by the policy's screen, reported, hidden by reports, kept or removed by a moderator). Outbox
 * events: a post's first publication (notifications pushes it to live subscribers in its area) and
 * a removal (notifications tells the author).
 */
export const POST_PUBLISHED = 'post.published';
export const POST_HELD = 'post.held';
export const POST_REPORTED = 'post.reported';
export const POST_HIDDEN = 'post.hidden';
export const POST_KEPT = 'post.kept';
export const POST_REMOVED = 'post.removed';

export interface PostRemovedPayload {
  postId: string;
  authorId: string;
  /** The post's title, so the notice can say which post (the author wrote it). */
  title: string;
  reason: string;
}

export interface PostPublishedPayload {
  postId: string;
}

declare module '@app/outbox' {
  interface OutboxEventPayloads {
    [POST_PUBLISHED]: PostPublishedPayload;
    [POST_REMOVED]: PostRemovedPayload;
  }
}
