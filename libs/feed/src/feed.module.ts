import { AuditModule } from '@app/audit';
import { OutboxModule } from '@app/outbox';
import { PolicyModule } from '@app/policy';
import { Module } from '@nestjs/common';
import { FeedRepository } from './feed.repository.js';
import { FeedService } from './feed.service.js';
import { HeatmapRepository } from './heatmap.repository.js';
import { HeatmapService } from './heatmap.service.js';

/** The neighbours feed for every process; no HTTP. */
@Module({ imports: [AuditModule, OutboxModule, PolicyModule], providers: [FeedRepository, FeedService, HeatmapRepository, HeatmapService], exports: [FeedService, HeatmapService] })
export class FeedModule {}
