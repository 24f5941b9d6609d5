// The neighbours feed (invariant 7): posts shown by H3 cell only, comments, neighbour numbers per thread.
export { FEED_RADIUS_MAX_METERS, POST_CATEGORIES, type PostCategory } from './domain/post.js';
export { FeedHttpModule } from './feed-http.module.js';
export { FeedModule } from './feed.module.js';
export { FeedService } from './feed.service.js';
