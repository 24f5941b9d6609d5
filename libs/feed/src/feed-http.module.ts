import { RateLimitModule } from '@app/rate-limit';
import { Module } from '@nestjs/common';
import { FeedModule } from './feed.module.js';
import { FeedController } from './http/feed.controller.js';
import { HeatmapController } from './http/heatmap.controller.js';
import { ModerationPostsController } from './http/moderation-posts.controller.js';
import { PostsController } from './http/posts.controller.js';

/** The feed's routes, for the api. */
@Module({ imports: [FeedModule, RateLimitModule], controllers: [PostsController, FeedController, ModerationPostsController, HeatmapController] })
export class FeedHttpModule {}
