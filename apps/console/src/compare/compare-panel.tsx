import { useId, useState } from 'preact/hooks';
import type { Lesson } from '../lessons.js';
import { Failure } from '../shell/failure.js';
import { useAction } from '../shell/use-action.js';
import { useComparison, type Comparison } from './use-comparison.js';

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The simulator's `compare` from the page, for policymakers: a shipped scenario's town under every
 * policy, run by a worker (progress shown while it runs), then its table and charts. Each run is
 * the real product on its own database, so the numbers are the ones `npm run sim -- compare` prints.
 */
export function ComparePanel({ sandboxKey, lessons, initialScenario }: { sandboxKey: string; lessons: Lesson[]; initialScenario: string | null }) {
  const titleId = useId();
  const [scenario, setScenario] = useState(initialScenario ?? lessons[0]?.name ?? '');
  const { comparison, start } = useComparison(sandboxKey);
  const { run, busy, failure } = useAction();
  const running = comparison !== null && (comparison.status === 'queued' || comparison.status === 'running');
  return (
    <section class="compare" aria-labelledby={titleId}>
      <h2 id={titleId}>Compare the policies over a whole town</h2>
      <p>
        The simulator runs a lesson's town for weeks of simulated time under each policy: the same households, cameras and incidents,
        only the rules change. It takes from half a minute to a few minutes (a smaller town says too little: a tenth of one has
        one incident); a result is kept, so asking again shows it at once.
      </p>
      <form
        class="compare-form"
        onSubmit={(event) => {
          event.preventDefault();
          void run(() => start(scenario));
        }}
      >
        <label>
          Scenario{' '}
          <select value={scenario} onChange={(event) => setScenario(event.currentTarget.value)}>
            {lessons.map((lesson) => (
              <option key={lesson.name} value={lesson.name}>
                {lesson.title}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={busy || running}>
          {running ? 'Running…' : 'Run the comparison'}
        </button>
      </form>
      {failure ? <Failure error={failure} prefix="The comparison could not start" /> : null}
      {comparison ? <ComparisonView comparison={comparison} /> : null}
    </section>
  );
}

function ComparisonView({ comparison }: { comparison: Comparison }) {
  const { scenario, status, result } = comparison;
  return (
    <div class="comparison" aria-busy={status === 'queued' || status === 'running'}>
      <h3>{scenario.title}</h3>
      <p class="question">{scenario.question}</p>
      <p>
        Scenario <code>{scenario.name}</code>, seed {scenario.seed}: {scenario.households} households for {scenario.durationDays} days
        {scenario.scale < 1 ? ` (${Math.round(scenario.scale * 100)} % of its size)` : ''}.
      </p>
      <RunsProgress comparison={comparison} />
      {status === 'failed' ? (
        <p role="alert" class="failure">
          The comparison failed: {comparison.error}. Run it again to start over.
        </p>
      ) : null}
      {result ? (
        <>
          <ComparisonTable comparison={comparison} measures={result.measures} />
          {result.charts.map((chart) => (
            <figure key={chart.name} class="chart">
              {/* The worker's own SVG (vega-lite, the simulator's charts); the table above holds the same figures for screen readers. */}
              <div role="img" aria-label={capitalised(chart.title)} dangerouslySetInnerHTML={{ __html: chart.svg }} />
              <figcaption>{capitalised(chart.title)}</figcaption>
            </figure>
          ))}
        </>
      ) : null}
    </div>
  );
}

/** Each policy's run, day by day, announced politely as it moves (not every tick). */
function RunsProgress({ comparison }: { comparison: Comparison }) {
  const { status, progress, scenario } = comparison;
  if (status === 'done') return null;
  const days = progress.reduce((sum, run) => sum + run.daysDone, 0);
  const share = Math.floor((100 * days) / (progress.length * scenario.durationDays));
  return (
    <div class="runs-progress">
      <p aria-live="polite">{status === 'queued' ? 'Waiting for a worker…' : `Running: ${share - (share % 10)} % done.`}</p>
      <ul>
        {progress.map((run) => (
          <li key={run.policy}>
            <label>
              <span class="run-name">{run.policy}</span>{' '}
              <progress max={scenario.durationDays} value={run.daysDone} /> day {run.daysDone} of {scenario.durationDays}
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ComparisonTable({ comparison, measures }: { comparison: Comparison; measures: NonNullable<Comparison['result']>['measures'] }) {
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-label="Measures under every policy (scrolls)">
      <table>
        <caption>The same town and incidents under each policy</caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            {comparison.policies.map((policy) => (
              <th scope="col" key={policy}>
                {policy}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {measures.map((row) => (
            <tr key={row.measure} class={new Set(row.values).size > 1 ? 'differs' : undefined}>
              <th scope="row">{row.measure}</th>
              {row.values.map((value, index) => (
                <td key={comparison.policies[index]}>{value}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
