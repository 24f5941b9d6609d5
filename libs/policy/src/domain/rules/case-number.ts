import type { PolicyRules } from '../policy.js';
import { violation, type RuleViolation } from './rule-violation.js';

/** Blank (only whitespace) counts as missing: a case number must identify something. */
export function checkCaseNumber(
  policy: Pick<PolicyRules, 'caseNumberRequired'>,
  caseNumber: string | null | undefined,
): RuleViolation | null {
  if (policy.caseNumberRequired && (caseNumber ?? '').trim() === '') {
    return violation('POLICY_CASE_NUMBER_REQUIRED', 'A case or reference number is required');
  }
  return null;
}

/**
 * `openCount` is how many requests of the case are open before the new one: the new request is
 * allowed while that is below the limit, so at most `maxOpenRequestsPerCase` are ever open.
 */
export function checkOpenRequestsPerCase(
  policy: Pick<PolicyRules, 'maxOpenRequestsPerCase'>,
  openCount: number,
): RuleViolation | null {
  const limit = policy.maxOpenRequestsPerCase;
  if (limit !== null && openCount >= limit) {
    return violation('POLICY_TOO_MANY_OPEN_REQUESTS', `At most ${limit} open request(s) per case number`, {
      limit,
      open: openCount,
    });
  }
  return null;
}
