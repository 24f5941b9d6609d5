// The simulator's `compare` from the classroom console: comparisons asked for through the api,
// run by a worker, kept in simulation_comparison. The simulator itself (apps/sim) is reached
// through two ports the hosting app binds: ScenarioCatalog and ComparisonRunner.
export { ComparisonsModule } from './comparisons.module.js';
export { COMPARISONS_QUEUE } from './jobs/comparisons-queue.js';
export {
  ComparisonRunner,
  ScenarioCatalog,
  type ComparisonChart,
  type ComparisonMeasure,
  type ComparisonResult,
  type PreparedScenario,
  type RunProgressListener,
  type ScenarioSummary,
} from './simulator.ports.js';
