import { useId, useState } from 'preact/hooks';
import { answer, type components, type PorchlightClient } from '../api.js';
import { formatTime } from '../shell/clock-bar.js';
import { Failure } from '../shell/failure.js';
import { useAction } from '../shell/use-action.js';
import { useLoaded } from '../shell/use-loaded.js';

type Verdict = components['schemas']['AuditVerifyResponse'];

/** The latest audit events, and a check of the whole hash chain by the api. */
export function AuditPanel({ client, revision }: { client: PorchlightClient; revision: number }) {
  const auditId = useId();
  const events = useLoaded(() => answer(client.GET('/api/audit', { params: { query: { limit: 12 } } })), [client, revision]);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const action = useAction();
  const verify = async () => {
    await action.run(async () => {
      setVerdict(await answer(client.GET('/api/audit/verify')));
    });
  };
  return (
    <section aria-labelledby={auditId}>
      <h3 id={auditId}>Audit log</h3>
      <button type="button" onClick={verify}>
        Verify chain
      </button>
      {verdict ? (
        <p role="status" class={verdict.ok ? 'verified' : 'not-verified'}>
          {verdict.ok
            ? `✓ Chain verified: ${verdict.length} events, each hashing right and linked to the one before.`
            : `✗ Broken at event ${verdict.firstBadSeq} (after ${verdict.length} good events).`}
        </p>
      ) : null}
      {action.failure ? <Failure error={action.failure} /> : null}
      {events.state === 'failed' ? <Failure error={events.error} /> : null}
      {/* Focusable, so a keyboard can scroll a table wider than the pane. */}
      <div class="table-scroll" tabIndex={0} role="region" aria-label="Latest audit events (scrolls)">
        <table class="audit">
          <caption class="visually-hidden">Latest audit events, newest first</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">When</th>
              <th scope="col">Action</th>
              <th scope="col">Actor</th>
              <th scope="col">Hash</th>
            </tr>
          </thead>
          <tbody>
            {(events.value?.items ?? []).map((event) => (
              <tr key={event.seq}>
                <td>{event.seq}</td>
                <td>{formatTime(event.at)}</td>
                <td>{event.action}</td>
                <td>{event.actor}</td>
                <td>
                  <code>{event.hash.slice(0, 12)}…</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
