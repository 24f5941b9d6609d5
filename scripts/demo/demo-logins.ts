import type { AppConfig } from '@app/config';
import type { Role } from '@app/identity';

export interface DemoLogin {
  role: Role;
  email: string;
  password: string;
  displayName: string;
}

/**
 * The demo town's people. Officers and agency admins arrive with agencies (issue 5); until then
 * the demo has the platform's staff and a few neighbours.
 */
export function demoLogins(config: AppConfig): DemoLogin[] {
  const admin: DemoLogin = {
    role: 'admin',
    email: config.auth.adminEmail,
    password: config.auth.adminPassword,
    displayName: 'Administrator',
  };
  const password = config.auth.demoPassword;
  if (password === undefined) return [admin];
  const person = (role: Role, email: string, displayName: string): DemoLogin => ({ role, email, password, displayName });
  return [
    admin,
    person('moderator', 'moderator@porchlight.local', 'Morgan Moderator'),
    person('resident', 'alice@porchlight.local', 'Alice Alvarez'),
    person('resident', 'bob@porchlight.local', 'Bob Baker'),
    person('resident', 'chloe@porchlight.local', 'Chloé Chen'),
  ];
}
