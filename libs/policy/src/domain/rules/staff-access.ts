import type { PolicyRules } from '../policy.js';
import { violation, type RuleViolation } from './rule-violation.js';

/** Under `reason-required` platform staff state why they open an owner's footage. */
export function checkStaffFootageAccess(policy: Pick<PolicyRules, 'staffFootageAccess'>, reason: string | undefined): RuleViolation | null {
  if (policy.staffFootageAccess === 'reason-required' && (reason ?? '').trim() === '') {
    return violation('POLICY_STAFF_REASON_REQUIRED', 'This policy requires a stated reason before staff open footage', {
      rule: 'staffFootageAccess',
      limit: policy.staffFootageAccess,
    });
  }
  return null;
}
