import type { PolicyRules } from '../policy.js';
import { violation, type RuleViolation } from './rule-violation.js';

/**
 * The camera coverage map for police: where the policy gives none (coverageKAnonymity null, as
 * Ring's 2025 Community Requests), it is closed outright rather than shown with a k nobody reaches.
 */
export function checkCoverageAccess(policy: Pick<PolicyRules, 'coverageKAnonymity'>): RuleViolation | null {
  if (policy.coverageKAnonymity !== null) return null;
  return violation('POLICY_COVERAGE_FORBIDDEN', 'This policy gives agencies no camera coverage map', { rule: 'coverageKAnonymity', limit: null });
}
