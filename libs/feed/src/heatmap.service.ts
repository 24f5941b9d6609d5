import { Clock, resolvePeriod, type Period } from '@app/clock';
import { assertMapBbox, cellsInBbox, type Bbox } from '@app/geo';
import { checkHeatmapAccess, enforceAccess, PolicyService } from '@app/policy';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { PostCategory } from './domain/post.js';
import { HeatmapRepository, type HeatmapCell } from './heatmap.repository.js';

/** Without `from`, the heat map covers the 30 days up to `to`. */
export const HEATMAP_DEFAULT_SPAN_MS = 30 * 86_400_000;

export interface Heatmap {
  period: Period;
  minPosts: number;
  cells: HeatmapCell[];
}

/**
 * The incident heat map agencies get from neighbours' posts, as the policy allows: cells with at
 * least its `heatmapMinPosts` posts (1: every cell), or none at all (403 naming the rule). Like the
 * coverage map, cells whose centre lies in the box (at most 50 km²), each counted whole.
 */
@Injectable()
export class HeatmapService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly heatmap: HeatmapRepository,
    private readonly policy: PolicyService,
    private readonly clock: Clock,
  ) {}

  async cells(bbox: Bbox, category: PostCategory | undefined, asked: { from?: Date; to?: Date }): Promise<Heatmap> {
    const policy = await this.policy.active();
    enforceAccess(checkHeatmapAccess(policy));
    assertMapBbox(bbox);
    const period = resolvePeriod(asked, await this.clock.now(), HEATMAP_DEFAULT_SPAN_MS);
    const minPosts = policy.heatmapMinPosts!;
    const cells = cellsInBbox(bbox);
    if (cells.length === 0) return { period, minPosts, cells: [] };
    return { period, minPosts, cells: await this.heatmap.countByCell(this.dataSource.manager, { cells, category, period, minPosts }) };
  }
}
