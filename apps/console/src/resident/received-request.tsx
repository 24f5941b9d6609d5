import { useId, useState } from 'preact/hooks';
import { answer, type components, type PorchlightClient } from '../api.js';
import { formatTime } from '../shell/clock-bar.js';
import { Failure } from '../shell/failure.js';
import { useAction } from '../shell/use-action.js';
import { ClipTimeline } from './clip-timeline.js';
import { ReceiptView } from './receipt-view.js';

type Received = components['schemas']['ReceivedRequestResponse'];
export type ShownAs = components['schemas']['PolicyResponse']['ownerShownAs'];

/** What police learn of an owner who shares now, in the owner's words (the policy in force when they answer decides). */
export function seenAs(shownAs: ShownAs, pseudonym: string): string {
  if (shownAs === 'pseudonym') return `${pseudonym}, a pseudonym: not your name`;
  if (shownAs === 'name-and-email') return 'your name and email';
  return 'your name, email and where your camera is';
}

/** A police request as the owner meets it: who asks, why, for which of their clips; share all, some, or decline. */
export function ReceivedRequest({ client, request, shownAs, onAnswered }: { client: PorchlightClient; request: Received; shownAs: ShownAs | null; onAnswered: () => void }) {
  const titleId = useId();
  const offered = request.offeredRecordings;
  const [chosen, setChosen] = useState<Set<string>>(new Set(offered.map((clip) => clip.id)));
  const action = useAction();
  const { decision } = request;
  const respond = async (body: components['schemas']['RespondDto']) => {
    await action.run(async () => {
      await answer(client.POST('/api/me/requests/{id}/response', { params: { path: { id: request.id } }, body }));
      onAnswered();
    });
  };
  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChosen(next);
  };
  return (
    <article class="received-request" aria-labelledby={titleId}>
      <h4 id={titleId}>
        {request.agency.name} asks for footage — case {request.caseNumber}
      </h4>
      <p>
        {request.incidentType}: “{request.description}”. Window {formatTime(request.window.start)} → {formatTime(request.window.end)}. Expires{' '}
        {formatTime(request.expiresAt)}.
      </p>
      {shownAs !== null && decision.state === 'requested' ? (
        <p class="seen-as">
          If you share now, police will see <strong>{seenAs(shownAs, request.shownToPoliceAs)}</strong>.
        </p>
      ) : null}
      <ClipTimeline window={request.window} clips={offered} />
      {decision.state === 'requested' && request.status === 'open' ? (
        <fieldset>
          <legend>Your clips in the window ({offered.length})</legend>
          {offered.map((clip) => (
            <label key={clip.id} class="clip-choice">
              <input type="checkbox" checked={chosen.has(clip.id)} onChange={() => toggle(clip.id)} /> {clip.cameraLabel}, {clip.trigger}, {formatTime(clip.startedAt)}
            </label>
          ))}
          <p class="actions">
            <button type="button" disabled={chosen.size === 0} onClick={() => respond({ decision: 'share', recordingIds: [...chosen] })}>
              Share selected ({chosen.size})
            </button>
            <button type="button" onClick={() => respond({ decision: 'share' })}>
              Share all
            </button>
            <button type="button" onClick={() => respond({ decision: 'decline' })}>
              Decline
            </button>
          </p>
        </fieldset>
      ) : (
        <p class="decision">
          Your answer: <strong>{decision.state}</strong>
          {decision.decidedAt ? ` (${formatTime(decision.decidedAt)})` : ''}
          {decision.sharedRecordingIds.length > 0 ? `, ${decision.sharedRecordingIds.length} clip(s) shared` : ''}. Request {request.status}.
        </p>
      )}
      {action.failure ? <Failure error={action.failure} /> : null}
      {decision.consentId ? <ReceiptView client={client} consentId={decision.consentId} onWithdrawn={onAnswered} /> : null}
    </article>
  );
}
