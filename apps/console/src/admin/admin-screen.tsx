import { useMemo, useState } from 'preact/hooks';
import { answer, clientFor } from '../api.js';
import type { Profile } from '../lessons.js';
import { useClassroom, type DemoPerson } from '../shell/classroom.js';
import { Failure } from '../shell/failure.js';
import { useAction } from '../shell/use-action.js';
import { AuditPanel } from './audit-panel.js';
import { PolicyComparison } from './policy-comparison.js';
import { TransparencyPanel } from './transparency-panel.js';

const PROFILES: Profile[] = ['ring-2019', 'ring-2021', 'ring-2025', 'privacy-by-design'];

/** The platform operator: switch the policy (every rule side by side), check the audit chain, read the transparency report. */
export function AdminScreen({ token, person }: { token: string; person: DemoPerson }) {
  const classroom = useClassroom();
  const client = useMemo(() => clientFor({ token }), [token]);
  const [profile, setProfile] = useState<Profile>('privacy-by-design');
  const action = useAction();
  const switchPolicy = async (event: Event) => {
    event.preventDefault();
    await action.run(async () => {
      await answer(client.PUT('/api/policy', { body: { profile } }));
      classroom.changed();
    });
  };
  return (
    <div class="screen admin-screen">
      <h2>{person.displayName}</h2>
      <form class="policy-switcher" onSubmit={switchPolicy}>
        <label>
          Policy{' '}
          <select value={profile} onChange={(event) => setProfile(event.currentTarget.value as Profile)}>
            {PROFILES.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </label>{' '}
        <button type="submit">Switch policy</button>
        {action.failure ? <Failure error={action.failure} /> : null}
      </form>
      <PolicyComparison version={classroom.revision} />
      <AuditPanel client={client} revision={classroom.revision} />
      <TransparencyPanel client={client} revision={classroom.revision} />
    </div>
  );
}
