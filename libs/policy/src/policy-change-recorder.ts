import type { EntityManager } from 'typeorm';
import type { ProfileName } from './domain/policy.js';

/** What a change did: the profiles before and after, and each rule that moved. */
export interface RecordedPolicyChange {
  actor: string;
  from: ProfileName;
  to: ProfileName;
  changed: Record<string, { from: unknown; to: unknown }>;
}

/**
 * Keeps the record of a policy change, in the change's own transaction (so there is no change
 * without its record). Declared here and bound by the process that lets policy change — the api
 * binds it to the audit log — so that policy, a leaf, imports no other context.
 */
export abstract class PolicyChangeRecorder {
  abstract record(manager: EntityManager, change: RecordedPolicyChange): Promise<void>;
}
