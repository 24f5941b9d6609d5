import type { Role } from '@app/auth';
import type { AppConfig } from '@app/config';

export interface DemoPerson {
  role: Role;
  email: string;
  displayName: string;
  /** For officers and agency admins: the demo town agency they belong to (town.ts keys). */
  agency?: string;
}

export interface DemoLogin extends DemoPerson {
  password: string;
}

const NAMED: DemoPerson[] = [
  { role: 'moderator', email: 'moderator@porchlight.local', displayName: 'Morgan Moderator' },
  { role: 'agency_admin', email: 'chief@north.porchlight.local', displayName: 'Chief Dana North', agency: 'north' },
  { role: 'officer', email: 'officer@north.porchlight.local', displayName: 'Officer Lee Park', agency: 'north' },
  { role: 'officer', email: 'officer@south.porchlight.local', displayName: 'Officer Ray Soto', agency: 'south' },
  { role: 'officer', email: 'deputy@county.porchlight.local', displayName: 'Deputy Sam Hale', agency: 'county' },
  { role: 'resident', email: 'alice@porchlight.local', displayName: 'Alice Alvarez' },
  { role: 'resident', email: 'bob@porchlight.local', displayName: 'Bob Baker' },
  { role: 'resident', email: 'chloe@porchlight.local', displayName: 'Chloé Chen' },
];

/** How many named people the town has, the admin included. */
export const DEMO_PEOPLE_COUNT = NAMED.length + 1;

/** The demo town's named people, the admin first: whom a class signs in as. */
export function demoPeople(config: AppConfig): DemoPerson[] {
  return [{ role: 'admin', email: config.auth.adminEmail, displayName: 'Administrator' }, ...NAMED];
}

/**
 * The named people whose password this config knows: the logins the banner prints. Without
 * DEMO_PASSWORD only the admin's is known (the others get a random one when seeded).
 */
export function demoLogins(config: AppConfig): DemoLogin[] {
  const [admin, ...others] = demoPeople(config);
  const password = config.auth.demoPassword;
  return [{ ...admin!, password: config.auth.adminPassword }, ...(password === undefined ? [] : others.map((person) => ({ ...person, password })))];
}
