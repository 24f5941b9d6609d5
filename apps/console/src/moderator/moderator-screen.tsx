import type { ComponentChildren } from 'preact';
import { useId, useMemo } from 'preact/hooks';
import { answer, clientFor } from '../api.js';
import { useClassroom, type DemoPerson } from '../shell/classroom.js';
import { formatTime } from '../shell/clock-bar.js';
import { Failure } from '../shell/failure.js';
import { useAction } from '../shell/use-action.js';
import { useLoaded, type Loaded } from '../shell/use-loaded.js';

/**
 * One of the desk's queues: its items, each with what it is and two buttons that decide it; a
 * failed load or an empty queue said in words.
 */
function DecisionQueue<T extends { id: string }>({
  title,
  loaded,
  empty,
  labels = ['Approve', 'Refuse'],
  describe,
  onDecide,
  children,
}: {
  title: string;
  loaded: Loaded<{ items: T[] }>;
  empty: string;
  labels?: [string, string];
  describe: (item: T) => ComponentChildren;
  onDecide: (item: T, yes: boolean) => Promise<unknown>;
  children?: ComponentChildren;
}) {
  const titleId = useId();
  return (
    <section aria-labelledby={titleId}>
      <h3 id={titleId}>{title}</h3>
      {children}
      {loaded.state === 'failed' ? <Failure error={loaded.error} /> : null}
      {loaded.value?.items.length === 0 ? <p>{empty}</p> : null}
      <ul>
        {(loaded.value?.items ?? []).map((item) => (
          <li key={item.id}>
            {describe(item)}{' '}
            <button type="button" onClick={() => onDecide(item, true)}>
              {labels[0]}
            </button>{' '}
            <button type="button" onClick={() => onDecide(item, false)}>
              {labels[1]}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The platform's trust and safety desk: emergency and warrant overrides waiting for a decision,
 * requests waiting for review where the policy asks for one (ring-2025), and feed posts the
 * policy's screen held or neighbours reported.
 */
export function ModeratorScreen({ token, person }: { token: string; person: DemoPerson }) {
  const classroom = useClassroom();
  const client = useMemo(() => clientFor({ token }), [token]);
  const action = useAction();
  const overrides = useLoaded(() => answer(client.GET('/api/moderation/overrides', { params: { query: { status: 'pending' } } })), [client, classroom.revision]);
  const reviews = useLoaded(() => answer(client.GET('/api/moderation/requests')), [client, classroom.revision]);
  const posts = useLoaded(() => answer(client.GET('/api/moderation/queue')), [client, classroom.revision]);
  const decide = (call: () => Promise<unknown>) =>
    action.run(async () => {
      await call();
      classroom.changed();
    });
  return (
    <div class="screen moderator-screen">
      <h2>{person.displayName}</h2>
      {action.failure ? <Failure error={action.failure} /> : null}
      <DecisionQueue
        title="Overrides waiting for a decision"
        loaded={overrides}
        empty="None waiting."
        describe={(override) => (
          <>
            {override.basis} override for case {override.caseNumber} ({formatTime(override.createdAt)}): “{override.justification}”
          </>
        )}
        onDecide={(override, approve) =>
          decide(() =>
            answer(
              client.POST('/api/moderation/overrides/{id}/decision', {
                params: { path: { id: override.id } },
                body: { approve, reason: approve ? 'Imminent danger confirmed by the agency.' : 'No imminent danger shown.' },
              }),
            ),
          )
        }
      >
        <button type="button" onClick={() => classroom.changed()}>
          Refresh
        </button>
      </DecisionQueue>
      <DecisionQueue
        title="Requests waiting for review"
        loaded={reviews}
        empty="None waiting (only policies with review, such as ring-2025, send requests here)."
        describe={(request) => (
          <>
            Case {request.caseNumber}, {request.incidentType}: “{request.description}”
          </>
        )}
        onDecide={(request, approve) =>
          decide(() =>
            answer(
              client.POST('/api/moderation/requests/{id}/decision', {
                params: { path: { id: request.id } },
                body: { approve, reason: approve ? 'Within the published limits.' : 'Outside the published limits.' },
              }),
            ),
          )
        }
      />
      <DecisionQueue
        title="Feed posts held or reported"
        loaded={posts}
        empty="None waiting."
        labels={['Keep', 'Remove']}
        describe={(post) => (
          <>
            “{post.title}: {post.body}” ({post.status}
            {post.heldBecause ? `: ${post.heldBecause}` : ''}, {post.reportCount} report(s))
          </>
        )}
        onDecide={(post, keep) =>
          decide(() =>
            answer(
              client.POST('/api/moderation/posts/{id}/decision', {
                params: { path: { id: post.id } },
                body: keep ? { action: 'keep', reason: 'Describes what happened.' } : { action: 'remove', reason: 'Describes a person by race alone.' },
              }),
            ),
          )
        }
      />
    </div>
  );
}
