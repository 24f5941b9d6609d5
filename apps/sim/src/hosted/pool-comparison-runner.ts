import { ComparisonRunner, type ComparisonResult, type RunProgressListener } from '@app/comparisons';
import { AppConfig } from '@app/config';
import { ensureMigratedDatabase, simTemplateUrl } from '@app/database';
import type { ProfileName } from '@app/policy';
import { Injectable } from '@nestjs/common';
import { RunPool } from '../run/run-pool.js';
import { scenarioSchema } from '../scenario/scenario.schema.js';

/**
 * `compare` for a worker: each policy's run in a process of a pool (SIMULATOR_JOBS at once),
 * cloned from the simulator's template database, which is created and migrated when missing.
 * The table and charts are the ones `npm run sim -- compare` writes.
 */
@Injectable()
export class PoolComparisonRunner extends ComparisonRunner {
  constructor(private readonly config: AppConfig) {
    super();
  }

  async compare(scenario: object, policies: readonly ProfileName[], onProgress: RunProgressListener, signal: AbortSignal): Promise<ComparisonResult> {
    const templateUrl = this.config.simulator.templateUrl ?? simTemplateUrl(this.config.database.url);
    await ensureMigratedDatabase(templateUrl);
    // Stored as JSON by the api: checked again, so a row from an older scenario format fails in words.
    const parsed = scenarioSchema.parse(scenario);
    const pool = new RunPool(this.config.simulator.jobs);
    const cancel = () => pool.close();
    signal.addEventListener('abort', cancel);
    try {
      signal.throwIfAborted();
      const runs = await Promise.all(policies.map((policy) => pool.run(parsed, { policy, keep: false, templateUrl, onProgress: (day) => onProgress(policy, day) })));
      const reports = runs.map((run) => run.report);
      // Loaded when a comparison ends, not when the worker starts: vega takes a while to load.
      const { comparisonCharts, comparisonMeasures } = await import('../report/compare-files.js');
      return { measures: comparisonMeasures(reports), charts: await comparisonCharts(reports) };
    } finally {
      signal.removeEventListener('abort', cancel);
      pool.close();
    }
  }
}
