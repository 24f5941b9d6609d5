import type { Policy } from './domain/policy.js';
import type { ProfileName } from './domain/policy.js';
import { policyProblems, resolvePolicy } from './domain/resolve-policy.js';
import type { PolicySettingEntity } from './entities/policy-setting.entity.js';

/** What a policy is read from: the stored row's profile and the fields changed on it. */
export type StoredPolicyRow = Pick<PolicySettingEntity, 'profile' | 'overrides'>;

/** The policy a stored row stands for; no row (a fresh or reset database) is the default profile. */
export function storedPolicy(row: StoredPolicyRow | null, defaultProfile: ProfileName): Policy {
  if (!row) return resolvePolicy(defaultProfile, {});
  const problems = policyProblems(row.profile, row.overrides);
  if (problems.length > 0) {
    // Only a code change narrowing a range can get here; refuse rather than enforce nonsense.
    throw new Error(`Stored policy is invalid: ${JSON.stringify(problems)}`);
  }
  return resolvePolicy(row.profile, row.overrides);
}
