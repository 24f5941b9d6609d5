import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface CoverageCell {
  cell: string;
  count: number;
}

export interface CoverageQuery {
  cells: string[];
  /** What an owner who never chose gets under the active policy. */
  defaultPoliceRequests: 'receive' | 'block';
  /** Cells with fewer countable cameras are left out. */
  minCount: number;
}

@Injectable()
export class CoverageRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One statement over the stored, indexed cell of each camera: counts only cameras whose owner
   * receives police requests (by choice or by the policy default) and does not encrypt end to
   * end, and drops cells under the k-anonymity threshold. Nothing but cell and count leaves it.
   * The owner's choices are read from their copy on the camera (kept in step with
   * privacy_setting in the same transaction), so camera_h3_r9_privacy_idx answers it alone.
   */
  async countByCell(query: CoverageQuery): Promise<CoverageCell[]> {
    return this.dataSource.query(
      `SELECT h3_r9 AS cell, count(*)::int AS count
       FROM camera
       WHERE h3_r9 = ANY($1::text[])
         AND COALESCE(owner_police_requests, $2::text) = 'receive'
         AND NOT owner_e2ee
       GROUP BY h3_r9
       HAVING count(*) >= $3::int
       ORDER BY h3_r9`,
      [query.cells, query.defaultPoliceRequests, query.minCount],
    );
  }
}
