import { AuditModule } from '@app/audit';
import { OutboxModule } from '@app/outbox';
import { PolicyModule } from '@app/policy';
import { Module } from '@nestjs/common';
import { FeedRepository } from './feed.repository.js';
import { FeedService } from './feed.service.js';

/** The neighbours feed for every process; no HTTP. */
@Module({ imports: [AuditModule, OutboxModule, PolicyModule], providers: [FeedRepository, FeedService], exports: [FeedService] })
export class FeedModule {}
