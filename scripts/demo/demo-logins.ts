import type { Role } from '@app/auth';
import type { AppConfig } from '@app/config';

export interface DemoLogin {
  role: Role;
  email: string;
  password: string;
  displayName: string;
  /** For officers and agency admins: the demo town agency they belong to (town.ts keys). */
  agency?: string;
}

/** The demo town's named people: the ones the banner prints and a class logs in as. */
export function demoLogins(config: AppConfig): DemoLogin[] {
  const admin: DemoLogin = {
    role: 'admin',
    email: config.auth.adminEmail,
    password: config.auth.adminPassword,
    displayName: 'Administrator',
  };
  const password = config.auth.demoPassword;
  if (password === undefined) return [admin];
  const person = (role: Role, email: string, displayName: string, agency?: string): DemoLogin => ({
    role,
    email,
    password,
    displayName,
    agency,
  });
  return [
    admin,
    person('moderator', 'moderator@porchlight.local', 'Morgan Moderator'),
    person('agency_admin', 'chief@north.porchlight.local', 'Chief Dana North', 'north'),
    person('officer', 'officer@north.porchlight.local', 'Officer Lee Park', 'north'),
    person('officer', 'officer@south.porchlight.local', 'Officer Ray Soto', 'south'),
    person('officer', 'deputy@county.porchlight.local', 'Deputy Sam Hale', 'county'),
    person('resident', 'alice@porchlight.local', 'Alice Alvarez'),
    person('resident', 'bob@porchlight.local', 'Bob Baker'),
    person('resident', 'chloe@porchlight.local', 'Chloé Chen'),
  ];
}
