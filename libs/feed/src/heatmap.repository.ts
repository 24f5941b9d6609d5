import type { Period } from '@app/clock';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PostCategory } from './domain/post.js';

export interface HeatmapCell {
  cell: string;
  category: PostCategory;
  posts: number;
}

@Injectable()
export class HeatmapRepository {
  /**
   * Neighbours' published posts (not Requests for Assistance, not held, hidden or removed ones) per
   * cell and category in the period, cells with fewer than `minPosts` left out. On
   * feed_post_heatmap_idx: one range per cell.
   */
  countByCell(manager: EntityManager, query: { cells: string[]; category: PostCategory | undefined; period: Period; minPosts: number }): Promise<HeatmapCell[]> {
    return manager.query(
      `SELECT h3_r9 AS cell, category, count(*)::int AS posts
       FROM feed_post
       WHERE h3_r9 = ANY($1::text[]) AND status = 'published' AND request_id IS NULL
         AND created_at >= $2 AND created_at < $3 AND ($4::text IS NULL OR category = $4)
       GROUP BY h3_r9, category
       HAVING count(*) >= $5
       ORDER BY h3_r9, category`,
      [query.cells, query.period.from, query.period.to, query.category ?? null, query.minPosts],
    );
  }
}
