import { useId, useState } from 'preact/hooks';
import { answer, type components, type PorchlightClient } from '../api.js';
import { formatTime } from '../shell/clock-bar.js';
import { Failure } from '../shell/failure.js';
import { useAction } from '../shell/use-action.js';
import { FootageView } from './footage-view.js';

type FootageRequest = components['schemas']['RequestResponse'];

const shown = (count: number | null): string => (count === null ? 'not shown' : String(count));

/** What happened to a request: who was asked, who was left out and why, who answered how. */
function Counts({ counts }: { counts: FootageRequest['counts'] }) {
  const { excluded } = counts;
  const rows: [string, string][] = [
    ['Notified', shown(counts.notified)],
    ['Shared', String(counts.shared)],
    ['Declined', String(counts.declined)],
    ['Pending', shown(counts.pending)],
    ['Excluded: no recordings in the window', String(excluded.noRecordings)],
    ['Excluded: blocked police requests', String(excluded.blocked)],
    ['Excluded: end-to-end encrypted', String(excluded.encrypted)],
    ['Excluded: never opted in', String(excluded.optInNotGiven)],
  ];
  return (
    <table class="counts">
      <caption class="visually-hidden">Counts of the request</caption>
      <tbody>
        {rows.map(([name, value]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td data-count={name}>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One request of the agency, with its live counts and what the officer may do with it. */
export function RequestCard({ client, request, onChanged }: { client: PorchlightClient; request: FootageRequest; onChanged: () => void }) {
  const titleId = useId();
  const [footageOpen, setFootageOpen] = useState(false);
  const action = useAction();
  const [note, setNote] = useState<string | null>(null);
  const run = (act: () => Promise<string>) =>
    action.run(async () => {
      setNote(await act());
      onChanged();
    });
  const close = () => run(async () => (await answer(client.POST('/api/portal/requests/{id}/close', { params: { path: { id: request.id } } })), 'Closed.'));
  const emergency = () =>
    run(async () => {
      const override = await answer(
        client.POST('/api/portal/overrides', {
          body: { requestId: request.id, basis: 'emergency', justification: 'Imminent danger to life: footage needed now.' },
        }),
      );
      return override.status === 'approved'
        ? `Emergency override approved by the ${override.decidedBy === 'system' ? 'platform alone' : 'moderator'}: ${override.counts.owners} owner(s) reached without consent.`
        : 'Emergency override waiting for a moderator.';
    });
  return (
    <article class="request-card" aria-labelledby={titleId}>
      <h4 id={titleId}>
        Case {request.caseNumber} — {request.incidentType} <span class={`status status-${request.status}`}>{request.status}</span>
      </h4>
      <p>
        {formatTime(request.window.start)} → {formatTime(request.window.end)}; {(request.areaSquareMeters / 1e6).toFixed(3)} km²; expires{' '}
        {formatTime(request.expiresAt)}; made under {request.policyProfile} ({request.delivery === 'public-post' ? 'posted publicly in the feed' : 'private to owners'}).
      </p>
      <Counts counts={request.counts} />
      <p class="actions">
        <button type="button" aria-expanded={footageOpen} onClick={() => setFootageOpen(!footageOpen)}>
          {footageOpen ? 'Hide footage' : 'Footage'}
        </button>
        {request.status === 'open' ? (
          <>
            <button type="button" onClick={close}>
              Close
            </button>
            <button type="button" onClick={emergency}>
              Emergency override
            </button>
          </>
        ) : null}
      </p>
      {note ? <p role="status">{note}</p> : null}
      {action.failure ? <Failure error={action.failure} /> : null}
      {footageOpen ? <FootageView client={client} requestId={request.id} version={JSON.stringify(request.counts)} /> : null}
    </article>
  );
}
