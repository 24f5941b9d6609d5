import type { PolicyRules } from '../policy.js';
import { violation, type RuleViolation } from './rule-violation.js';

/** Under `resolve-only` a request stays on record: it can be resolved, never deleted. */
export function checkDeletion(policy: Pick<PolicyRules, 'requestDeletion'>): RuleViolation | null {
  if (policy.requestDeletion === 'resolve-only') {
    return violation('POLICY_DELETE_NOT_ALLOWED', 'Requests cannot be deleted under this policy, only resolved');
  }
  return null;
}
