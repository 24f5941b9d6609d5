import { answer, clientFor } from '../api.js';
import { useClassroom } from './classroom.js';
import { Failure } from './failure.js';
import { useAction } from './use-action.js';
import { useLoaded } from './use-loaded.js';

const STEPS = [
  { label: '+1 hour', seconds: 3_600 },
  { label: '+1 day', seconds: 86_400 },
  { label: '+7 days', seconds: 7 * 86_400 },
];

export const formatTime = (iso: string): string =>
  new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';

/**
 * The sandbox clock: moving it runs every job due by the new time (expiry, retention, notices)
 * before it answers, so a class sees a request expire or a clip purged right after the click.
 */
export function ClockBar({ sandboxKey }: { sandboxKey: string }) {
  const classroom = useClassroom();
  const action = useAction();
  const clock = useLoaded(() => answer(clientFor({ sandboxKey }).GET('/api/sandbox/clock')), [sandboxKey, classroom.world, classroom.revision]);
  const advance = (seconds: number) =>
    action.run(async () => {
      await answer(clientFor({ sandboxKey }).POST('/api/sandbox/clock', { body: { advanceSeconds: seconds } }));
      classroom.changed();
    });
  return (
    <section class="clock-bar" aria-label="Sandbox clock">
      <span>
        Sandbox time: <strong data-testid="sandbox-now">{clock.value ? formatTime(clock.value.now) : '…'}</strong>
      </span>
      {STEPS.map((step) => (
        <button type="button" key={step.label} disabled={action.busy} onClick={() => advance(step.seconds)}>
          {step.label}
        </button>
      ))}
      {action.busy ? <span role="status">Running what falls due…</span> : null}
      {action.failure ? <Failure error={action.failure} /> : null}
    </section>
  );
}
