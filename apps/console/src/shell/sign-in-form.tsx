import { useState } from 'preact/hooks';
import { answer, clientFor } from '../api.js';
import type { DemoPerson } from './classroom.js';
import { Failure } from './failure.js';
import { useAction } from './use-action.js';

export interface SignedIn {
  person: DemoPerson;
  token: string;
}

/**
 * For a console opened without the sandbox key (a deployment without SANDBOX_KEY, or a student's
 * own laptop): sign in with an account's email and password, as `POST /api/auth/login` does.
 */
export function SignInForm({ onSignedIn }: { onSignedIn: (signedIn: SignedIn) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    await action.run(async () => {
      const { user, accessToken } = await answer(clientFor().POST('/api/auth/login', { body: { email, password } }));
      onSignedIn({
        person: { userId: user.id, role: user.role, email: user.email, displayName: user.displayName, agencyId: user.agencyId, agencyName: null },
        token: accessToken,
      });
    });
  };
  return (
    <form class="sign-in" onSubmit={submit} aria-label="Sign in">
      <label>
        Email <input type="email" autocomplete="username" required value={email} onInput={(event) => setEmail(event.currentTarget.value)} />
      </label>{' '}
      <label>
        Password{' '}
        <input type="password" autocomplete="current-password" required value={password} onInput={(event) => setPassword(event.currentTarget.value)} />
      </label>{' '}
      <button type="submit">Sign in</button>
      {action.failure ? <Failure error={action.failure} prefix="Not signed in" /> : null}
    </form>
  );
}
