import { useId, useMemo } from 'preact/hooks';
import { answer, clientFor } from '../api.js';
import { useClassroom, type DemoPerson } from '../shell/classroom.js';
import { formatTime } from '../shell/clock-bar.js';
import { Failure } from '../shell/failure.js';
import { useAction } from '../shell/use-action.js';
import { useLoaded } from '../shell/use-loaded.js';

function DecisionButtons({ onDecide, labels = ['Approve', 'Refuse'] }: { onDecide: (yes: boolean) => void; labels?: [string, string] }) {
  return (
    <>
      <button type="button" onClick={() => onDecide(true)}>
        {labels[0]}
      </button>{' '}
      <button type="button" onClick={() => onDecide(false)}>
        {labels[1]}
      </button>
    </>
  );
}

/**
 * The platform's trust and safety desk: emergency and warrant overrides waiting for a decision,
 * requests waiting for review where the policy asks for one (ring-2025), and feed posts the
 * policy's screen held or neighbours reported.
 */
export function ModeratorScreen({ token, person }: { token: string; person: DemoPerson }) {
  const overridesId = useId();
  const reviewsId = useId();
  const postsId = useId();
  const classroom = useClassroom();
  const client = useMemo(() => clientFor({ token }), [token]);
  const action = useAction();
  const overrides = useLoaded(() => answer(client.GET('/api/moderation/overrides', { params: { query: { status: 'pending' } } })), [client, classroom.revision]);
  const reviews = useLoaded(() => answer(client.GET('/api/moderation/requests')), [client, classroom.revision]);
  const posts = useLoaded(() => answer(client.GET('/api/moderation/queue')), [client, classroom.revision]);
  const decide = async (call: () => Promise<unknown>) => {
    await action.run(async () => {
      await call();
      classroom.changed();
    });
  };
  return (
    <div class="screen moderator-screen">
      <h2>{person.displayName}</h2>
      {action.failure ? <Failure error={action.failure} /> : null}
      <section aria-labelledby={overridesId}>
        <h3 id={overridesId}>Overrides waiting for a decision</h3>
        <button type="button" onClick={() => classroom.changed()}>
          Refresh
        </button>
        {overrides.state === 'failed' ? <Failure error={overrides.error} /> : null}
        {overrides.value?.items.length === 0 ? <p>None waiting.</p> : null}
        <ul>
          {(overrides.value?.items ?? []).map((override) => (
            <li key={override.id}>
              {override.basis} override for case {override.caseNumber} ({formatTime(override.createdAt)}): “{override.justification}”{' '}
              <DecisionButtons
                onDecide={(approve) =>
                  decide(() =>
                    answer(
                      client.POST('/api/moderation/overrides/{id}/decision', {
                        params: { path: { id: override.id } },
                        body: { approve, reason: approve ? 'Imminent danger confirmed by the agency.' : 'No imminent danger shown.' },
                      }),
                    ),
                  )
                }
              />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby={reviewsId}>
        <h3 id={reviewsId}>Requests waiting for review</h3>
        {reviews.state === 'failed' ? <Failure error={reviews.error} /> : null}
        {reviews.value?.items.length === 0 ? <p>None waiting (only policies with review, such as ring-2025, send requests here).</p> : null}
        <ul>
          {(reviews.value?.items ?? []).map((request) => (
            <li key={request.id}>
              Case {request.caseNumber}, {request.incidentType}: “{request.description}”{' '}
              <DecisionButtons
                onDecide={(approve) =>
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
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby={postsId}>
        <h3 id={postsId}>Feed posts held or reported</h3>
        {posts.state === 'failed' ? <Failure error={posts.error} /> : null}
        {posts.value?.items.length === 0 ? <p>None waiting.</p> : null}
        <ul>
          {(posts.value?.items ?? []).map((post) => (
            <li key={post.id}>
              “{post.title}: {post.body}” ({post.status}
              {post.heldBecause ? `: ${post.heldBecause}` : ''}, {post.reportCount} report(s)){' '}
              <DecisionButtons
                labels={['Keep', 'Remove']}
                onDecide={(keep) =>
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
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
