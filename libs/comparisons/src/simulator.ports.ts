import type { ProfileName } from '@app/policy';

/** What a comparison is of, as a class sees it: the scenario at the size and seed it runs. */
export interface ScenarioSummary {
  name: string;
  title: string;
  question: string;
  seed: number;
  /** The fraction of the shipped scenario's size (households and days) it runs at. */
  scale: number;
  households: number;
  durationDays: number;
}

/** A shipped scenario ready to run: the simulator's own description of it, and its summary. */
export interface PreparedScenario {
  summary: ScenarioSummary;
  /** The simulator's scenario, scaled and seeded; stored as JSON with the comparison and handed back to the runner. */
  scenario: object;
}

/** One row of the comparison's table: a measure, and its value under each policy, in `policies` order. */
export interface ComparisonMeasure {
  measure: string;
  values: string[];
}

export interface ComparisonChart {
  /** The file name `npm run sim -- compare` writes it to, e.g. `consent-funnels.svg`. */
  name: string;
  title: string;
  svg: string;
}

export interface ComparisonResult {
  measures: ComparisonMeasure[];
  charts: ComparisonChart[];
}

/** A run's simulated days done, reported as it goes. */
export type RunProgressListener = (policy: ProfileName, day: number) => void;

/**
 * The simulator's shipped scenarios, for the api (a port: the simulator lives in apps/sim, which
 * composes the product's libs; the app that hosts both binds it).
 */
export abstract class ScenarioCatalog {
  /** `name` at `scale` with `seed` (the scenario's own when undefined); undefined when no shipped scenario has that name. */
  abstract prepare(name: string, scale: number, seed: number | undefined): PreparedScenario | undefined;
}

/**
 * Runs a prepared scenario under each policy and puts the runs side by side, for the worker.
 * When `signal` aborts (the worker is stopping) the runs are cut short and it rejects.
 */
export abstract class ComparisonRunner {
  abstract compare(scenario: object, policies: readonly ProfileName[], onProgress: RunProgressListener, signal: AbortSignal): Promise<ComparisonResult>;
}
