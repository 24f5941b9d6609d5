import { TEST_SANDBOX_KEY } from './test-config.js';

/** The header every sandbox route needs, with the test config's key. */
export const SANDBOX_KEY_HEADER = { 'x-sandbox-key': TEST_SANDBOX_KEY };

/** One of a loaded town's named people, as `POST /api/sandbox/demo-town` (or `scenario-town`) lists them. */
export interface TownPerson {
  userId: string;
  role: string;
  email: string;
  agencyId: string | null;
  agencyName: string | null;
}
