import { Module } from '@nestjs/common';
import { FeedRepository } from './feed.repository.js';
import { FeedService } from './feed.service.js';

/** The neighbours feed for every process; no HTTP. */
@Module({ providers: [FeedRepository, FeedService], exports: [FeedService] })
export class FeedModule {}
