/**
 * What the feed context announces. Audit actions for what happens to a post beyond its writing
 * (held by the policy's screen, reported, hidden by reports, kept or removed by a moderator); the
 * removal is also an outbox event, which notifications turns into a notice to the author.
 */
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

declare module '@app/outbox' {
  interface OutboxEventPayloads {
    [POST_REMOVED]: PostRemovedPayload;
  }
}
