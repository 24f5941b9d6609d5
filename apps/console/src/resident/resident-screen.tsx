import { useId, useMemo } from 'preact/hooks';
import { answer, clientFor, type PorchlightClient } from '../api.js';
import { useClassroom, type DemoPerson } from '../shell/classroom.js';
import { formatTime } from '../shell/clock-bar.js';
import { Failure } from '../shell/failure.js';
import { useRealtime } from '../shell/realtime.js';
import { useLoaded } from '../shell/use-loaded.js';
import { FeedPanel } from '../feed/feed-panel.js';
import { PrivacyForm } from './privacy-form.js';
import { ReceivedRequest } from './received-request.js';

/** Who opened what the owner shared, when and why. */
function AccessLog({ client, revision }: { client: PorchlightClient; revision: number }) {
  const log = useLoaded(() => answer(client.GET('/api/me/access-log')), [client, revision]);
  if (log.value === undefined) return log.state === 'failed' ? <Failure error={log.error} /> : null;
  if (log.value.items.length === 0) return <p>No one has opened your footage.</p>;
  return (
    <ul class="access-log">
      {log.value.items.map((entry, index) => (
        <li key={index}>
          {formatTime(entry.at)}: {entry.by === 'staff' ? `platform staff (${entry.reason ?? 'no reason given'})` : `${entry.agency?.name}, officer ${entry.officer}`}
          {entry.access === 'override' ? ` through ${entry.basis === 'warrant' ? 'a warrant' : 'an emergency'} override` : ''} — {entry.recordingIds.length} clip(s)
          {entry.purpose ? `, case ${entry.purpose.caseNumber}` : ''}
        </li>
      ))}
    </ul>
  );
}

/** The owner's cameras with how many clips each still keeps (retention purges the old ones). */
function MyClips({ client, revision }: { client: PorchlightClient; revision: number }) {
  const cameras = useLoaded(async () => {
    const cameras = await answer(client.GET('/api/cameras'));
    return Promise.all(
      cameras.map(async (camera) => ({
        camera,
        clips: (await answer(client.GET('/api/cameras/{id}/recordings', { params: { path: { id: camera.id }, query: { limit: 100 } } }))).items,
      })),
    );
  }, [client, revision]);
  if (cameras.value === undefined) return cameras.state === 'failed' ? <Failure error={cameras.error} /> : null;
  return (
    <ul>
      {cameras.value.map(({ camera, clips }) => (
        <li key={camera.id}>
          {camera.label}: <span data-testid="clip-count">{clips.length}</span> clip(s)
          {clips.length > 0 ? `, oldest ${formatTime(clips[clips.length - 1]!.startedAt)}` : ''}
        </li>
      ))}
    </ul>
  );
}

/** A neighbour's view: notifications arriving live, the requests that reached them, their receipts and settings. */
export function ResidentScreen({ token, person }: { token: string; person: DemoPerson }) {
  const classroom = useClassroom();
  const client = useMemo(() => clientFor({ token }), [token]);
  const [inboxId, requestsId, feedId] = [useId(), useId(), useId()];
  const inbox = useLoaded(() => answer(client.GET('/api/me/notifications')), [client, classroom.revision]);
  const requests = useLoaded(() => answer(client.GET('/api/me/requests')), [client, classroom.revision]);
  const policy = useLoaded(() => answer(client.GET('/api/policy')), [client, classroom.revision]);
  const home = useLoaded(async () => (await answer(client.GET('/api/cameras')))[0]?.location ?? null, [client]);
  const connection = useRealtime(token, {
    notification: () => {
      inbox.reload();
      requests.reload();
    },
  });
  const changed = () => {
    requests.reload();
    inbox.reload();
  };
  return (
    <div class="screen resident-screen">
      <h2>{person.displayName}</h2>
      <p class="live" aria-live="polite">
        {connection === 'live' ? 'Live: notifications arrive here as they are sent.' : connection === 'refused' ? 'Live updates refused.' : 'Connecting…'}
      </p>
      <section aria-labelledby={inboxId}>
        <h3 id={inboxId}>
          Notifications {inbox.value ? <span class="badge">{inbox.value.unreadCount} unread</span> : null}
        </h3>
        {inbox.state === 'failed' ? <Failure error={inbox.error} /> : null}
        <ul class="inbox" aria-live="polite">
          {(inbox.value?.items ?? []).slice(0, 5).map((item) => (
            <li key={item.id} class={item.readAt ? 'read' : 'unread'}>
              <strong>{item.title}</strong> {item.body} <small>({item.channels.join(', ')})</small>
            </li>
          ))}
        </ul>
        {inbox.value?.items.length === 0 ? <p>Nothing yet.</p> : null}
      </section>
      <section aria-labelledby={requestsId}>
        <h3 id={requestsId}>Police requests that reached you</h3>
        {requests.state === 'failed' ? <Failure error={requests.error} /> : null}
        {requests.value?.items.length === 0 ? <p>None.</p> : null}
        {(requests.value?.items ?? []).map((request) => (
          <ReceivedRequest
            key={`${request.id}:${request.decision.state}`}
            client={client}
            request={request}
            shownAs={policy.value?.ownerShownAs ?? null}
            onAnswered={changed}
          />
        ))}
      </section>
      <section aria-label="Who opened your footage">
        <h3>Who opened your footage</h3>
        <AccessLog client={client} revision={classroom.revision + (requests.value?.items.length ?? 0)} />
      </section>
      <section aria-label="Your cameras">
        <h3>Your cameras</h3>
        <MyClips client={client} revision={classroom.revision} />
      </section>
      {home.value ? (
        <section aria-labelledby={feedId}>
          <h3 id={feedId}>Neighbours' feed</h3>
          <FeedPanel client={client} home={home.value} />
        </section>
      ) : null}
      <section aria-label="Your privacy settings">
        <h3>Your privacy settings</h3>
        <PrivacyForm client={client} />
      </section>
    </div>
  );
}
