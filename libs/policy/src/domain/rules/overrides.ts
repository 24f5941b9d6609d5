import type { PolicyRules } from '../policy.js';
import { violation, type RuleViolation } from './rule-violation.js';

/** Where the policy closes the warrant path, a warrant cannot open footage either. */
export function checkWarrantPath(policy: Pick<PolicyRules, 'warrantPath'>): RuleViolation | null {
  if (!policy.warrantPath) {
    return violation('POLICY_WARRANT_PATH_CLOSED', 'This policy has no warrant path: a warrant cannot override consent', {
      rule: 'warrantPath',
      limit: false,
    });
  }
  return null;
}
