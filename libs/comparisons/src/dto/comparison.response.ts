import { COUNT_PROPERTY, INSTANT_PROPERTY, INT32_MAX, UUID_PROPERTY } from '@app/errors';
import { PROFILE_NAMES, type ProfileName } from '@app/policy';
import { ApiProperty } from '@nestjs/swagger';
import { COMPARISON_STATUSES, type ComparisonEntity, type ComparisonStatus } from '../comparison.entity.js';
import { SCENARIO_NAME_MAX } from '@app/demo-town';
import { SCALE_MIN } from './start-comparison.dto.js';

const TEXT_MAX = 2000;
/** A chart's SVG: vega's output for the shipped charts is tens of kilobytes. */
const SVG_MAX = 2_000_000;
/** Rows of the table (report-files.ts REPORT_ROWS) and charts, with room to grow. */
const MEASURES_MAX = 100;
const CHARTS_MAX = 20;

export class ScenarioSummaryResponse {
  @ApiProperty({ example: 'who-sees-my-name', maxLength: SCENARIO_NAME_MAX }) name: string;
  @ApiProperty({ example: 'Who sees my name?', maxLength: TEXT_MAX }) title: string;
  @ApiProperty({ maxLength: TEXT_MAX, description: 'The question the scenario asks' }) question: string;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: INT32_MAX }) seed: number;
  @ApiProperty({ type: 'number', format: 'double', minimum: SCALE_MIN, maximum: 1 }) scale: number;
  @ApiProperty({ ...COUNT_PROPERTY, description: 'Households of the town as run' }) households: number;
  @ApiProperty({ ...COUNT_PROPERTY, description: 'Simulated days of each run' }) durationDays: number;
}

export class ComparisonRunProgress {
  @ApiProperty({ enum: PROFILE_NAMES }) policy: ProfileName;
  @ApiProperty({ ...COUNT_PROPERTY, description: 'Simulated days this policy’s run has done, of the scenario’s durationDays' }) daysDone: number;
}

export class ComparisonMeasureResponse {
  @ApiProperty({ example: 'consent rate (of owners asked)', maxLength: TEXT_MAX }) measure: string;
  @ApiProperty({ type: [String], maxItems: PROFILE_NAMES.length, items: { type: 'string', maxLength: TEXT_MAX }, description: 'The value under each policy, in `policies` order' })
  values: string[];
}

export class ComparisonChartResponse {
  @ApiProperty({ example: 'consent-funnels.svg', maxLength: 100 }) name: string;
  @ApiProperty({ example: 'Consent funnel by policy', maxLength: TEXT_MAX }) title: string;
  @ApiProperty({ maxLength: SVG_MAX, description: 'The chart as SVG (vega-lite, rendered by the worker): the same file `npm run sim -- compare` writes' }) svg: string;
}

export class ComparisonResultResponse {
  @ApiProperty({ type: [ComparisonMeasureResponse], maxItems: MEASURES_MAX }) measures: ComparisonMeasureResponse[];
  @ApiProperty({ type: [ComparisonChartResponse], maxItems: CHARTS_MAX }) charts: ComparisonChartResponse[];
}

export class ComparisonResponse {
  @ApiProperty(UUID_PROPERTY) id: string;
  @ApiProperty({ type: ScenarioSummaryResponse }) scenario: ScenarioSummaryResponse;
  @ApiProperty({ enum: PROFILE_NAMES, isArray: true, maxItems: PROFILE_NAMES.length, description: 'The policies compared, in column order' }) policies: ProfileName[];
  @ApiProperty({ enum: COMPARISON_STATUSES, description: 'queued → running → done, or failed (asking again then starts a new one)' }) status: ComparisonStatus;
  @ApiProperty({ type: [ComparisonRunProgress], maxItems: PROFILE_NAMES.length }) progress: ComparisonRunProgress[];
  @ApiProperty({ type: String, nullable: true, maxLength: TEXT_MAX, description: 'Why it failed, in one sentence' }) error: string | null;
  @ApiProperty(INSTANT_PROPERTY) createdAt: string;
  @ApiProperty({ ...INSTANT_PROPERTY, nullable: true }) startedAt: string | null;
  @ApiProperty({ ...INSTANT_PROPERTY, nullable: true }) finishedAt: string | null;
  @ApiProperty({ type: ComparisonResultResponse, nullable: true, description: 'Once done: the table and the charts' }) result: ComparisonResultResponse | null;
}

export function toComparisonResponse(comparison: ComparisonEntity): ComparisonResponse {
  return {
    id: comparison.id,
    scenario: comparison.summary,
    policies: comparison.policies,
    status: comparison.status,
    progress: comparison.policies.map((policy) => ({ policy, daysDone: comparison.daysDone[policy] ?? 0 })),
    error: comparison.error,
    createdAt: comparison.createdAt.toISOString(),
    startedAt: comparison.startedAt?.toISOString() ?? null,
    finishedAt: comparison.finishedAt?.toISOString() ?? null,
    result: comparison.result,
  };
}
