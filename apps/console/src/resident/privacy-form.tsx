import { useState } from 'preact/hooks';
import { answer, type components, type PorchlightClient } from '../api.js';
import { Failure } from '../shell/failure.js';
import { useAction } from '../shell/use-action.js';
import { useLoaded } from '../shell/use-loaded.js';

type Privacy = components['schemas']['PrivacyResponse'];

/** The owner's privacy settings: receive or block police requests, how long clips are kept, end-to-end encryption. */
export function PrivacyForm({ client }: { client: PorchlightClient }) {
  const privacy = useLoaded(() => answer(client.GET('/api/me/privacy')), [client]);
  const action = useAction();
  const [saved, setSaved] = useState(false);
  if (privacy.value === undefined) return privacy.state === 'failed' ? <Failure error={privacy.error} /> : null;
  const save = async (change: Partial<Privacy>) => {
    setSaved(false);
    await action.run(async () => {
      await answer(client.PUT('/api/me/privacy', { body: change as components['schemas']['UpdatePrivacyDto'] }));
      setSaved(true);
      privacy.reload();
    });
  };
  const value = privacy.value;
  return (
    <form class="privacy-form" aria-label="Privacy settings" onSubmit={(event) => event.preventDefault()}>
      <label>
        Police requests{' '}
        <select value={value.policeRequests} onChange={(event) => save({ policeRequests: event.currentTarget.value as Privacy['policeRequests'] })}>
          <option value="receive">receive</option>
          <option value="block">block</option>
        </select>
      </label>
      <label>
        Keep my clips for (days){' '}
        <input type="number" min={1} max={180} value={value.retentionDays} onChange={(event) => save({ retentionDays: Number(event.currentTarget.value) })} />
      </label>
      <label>
        <input type="checkbox" checked={value.endToEndEncryption} onChange={(event) => save({ endToEndEncryption: event.currentTarget.checked })} /> End-to-end
        encryption (no one else can open my clips, not even with an override)
      </label>
      {saved ? <span role="status">Saved.</span> : null}
      {action.failure ? <Failure error={action.failure} /> : null}
    </form>
  );
}
