import { answer, type PorchlightClient } from '../api.js';
import { formatTime } from '../shell/clock-bar.js';
import { useClassroom } from '../shell/classroom.js';
import { Failure } from '../shell/failure.js';
import { useLoaded } from '../shell/use-loaded.js';

/**
 * What police see of a request: per owner, a pseudonym or an identity (as the policy the owner
 * shared under says) and exactly the clips shared or opened by an override. Every opening is audited.
 */
export function FootageView({ client, requestId, version }: { client: PorchlightClient; requestId: string; version: string }) {
  // Again when the request's counts move (an owner shares or withdraws) and when the classroom acts (a moderator approves an override).
  const { revision } = useClassroom();
  const footage = useLoaded(
    () => answer(client.GET('/api/portal/requests/{id}/footage', { params: { path: { id: requestId } } })),
    [client, requestId, version, revision],
  );
  if (footage.value === undefined) return footage.state === 'failed' ? <Failure error={footage.error} /> : <p>Opening the footage…</p>;
  const { owners } = footage.value;
  if (owners.length === 0) return <p class="footage-empty">No footage: no owner has shared anything (yet).</p>;
  return (
    <ul class="footage" aria-label="Footage police can see">
      {owners.map((owner) => (
        <li key={owner.pseudonym}>
          <strong class="owner-seen-as">{owner.name ? `${owner.name} <${owner.email}>` : owner.pseudonym}</strong>
          {owner.name ? ` (${owner.pseudonym})` : ''} shared {formatTime(owner.sharedAt)}:
          <ul>
            {owner.recordings.map((recording) => (
              <li key={recording.id}>
                {recording.trigger} clip {formatTime(recording.startedAt)}
                {recording.access === 'override' ? ` — opened by ${recording.basis === 'warrant' ? 'a warrant' : 'an emergency'} override, without consent` : ''}
                {recording.camera ? ` — camera “${recording.camera.label}” at ${recording.camera.location.lat.toFixed(5)}, ${recording.camera.location.lng.toFixed(5)}` : ''}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
