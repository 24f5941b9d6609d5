import { useId } from 'preact/hooks';
import { answer, type components, type PorchlightClient } from '../api.js';
import { CATEGORY } from '../map/palette.js';
import { Failure } from '../shell/failure.js';
import { useLoaded } from '../shell/use-loaded.js';

const MEASURES = [
  { name: 'Owners asked', of: (figures: Figures) => figures.owners.asked },
  { name: 'Shares', of: (figures: Figures) => figures.answers.shares },
  { name: 'Declines', of: (figures: Figures) => figures.answers.declines },
  { name: 'Identities disclosed', of: (figures: Figures) => figures.identitiesDisclosed },
];
type Figures = { owners: { asked: number }; answers: { shares: number; declines: number }; identitiesDisclosed: number; requests: { made: number } };

/** The public transparency report: per agency, requests, owners asked and what they answered; as a table and bars. */
export function TransparencyPanel({ client, revision }: { client: PorchlightClient; revision: number }) {
  const transparencyId = useId();
  const report = useLoaded(
    // The report is also served as CSV; the console asks for JSON.
    async () => (await answer(client.GET('/api/transparency'))) as components['schemas']['TransparencyResponse'],
    [client, revision],
  );
  if (report.value === undefined) return report.state === 'failed' ? <Failure error={report.error} /> : null;
  const agencies = report.value.agencies.filter((row) => row.requests.made > 0);
  const max = Math.max(1, ...agencies.flatMap((row) => MEASURES.map((measure) => measure.of(row))));
  return (
    <section aria-labelledby={transparencyId}>
      <h3 id={transparencyId}>Transparency report</h3>
      {agencies.length === 0 ? <p>No requests yet.</p> : null}
      {agencies.map((row) => (
        <figure key={row.agency.id} class="bars">
          <figcaption>
            {row.agency.name}: {row.requests.made} request(s)
          </figcaption>
          <svg viewBox="0 0 400 100" role="img" aria-label={MEASURES.map((measure) => `${measure.name} ${measure.of(row)}`).join(', ')}>
            {MEASURES.map((measure, index) => (
              <g key={measure.name} transform={`translate(0 ${index * 25})`}>
                <text x="0" y="15" class="bar-label">
                  {measure.name}
                </text>
                <rect x="150" y="3" height="16" width={(measure.of(row) / max) * 200} fill={CATEGORY[index]} />
                <text x={155 + (measure.of(row) / max) * 200} y="15" class="bar-value">
                  {measure.of(row)}
                </text>
              </g>
            ))}
          </svg>
        </figure>
      ))}
    </section>
  );
}
