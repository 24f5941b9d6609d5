// The neighbours feed (invariant 7): posts shown by H3 cell only, comments, neighbour numbers per thread.
export { FEED_RADIUS_MAX_METERS, POST_CATEGORIES, type PostCategory } from './domain/post.js';
export { PostResponse, toPostResponse } from './dto/post.response.js';
export type { PostRow } from './feed.repository.js';
export { FeedHttpModule } from './feed-http.module.js';
export { FeedJobsModule } from './jobs/feed-jobs.module.js';
export { FeedModule } from './feed.module.js';
export { FeedService } from './feed.service.js';
export { HeatmapService, type Heatmap } from './heatmap.service.js';
export {
  POST_HELD,
  POST_HIDDEN,
  POST_KEPT,
  POST_PUBLISHED,
  POST_REMOVED,
  POST_REPORTED,
  type PostPublishedPayload,
  type PostRemovedPayload,
} from './feed.events.js';
