import type { PolicyRules } from '../policy.js';
import { violation, type RuleViolation } from './rule-violation.js';

/** Only agencies of the kinds the policy lists may ask owners for footage (ring-2025: not federal ones). */
export function checkAgencyEligible(policy: Pick<PolicyRules, 'eligibleAgencyKinds'>, kind: string): RuleViolation | null {
  if ((policy.eligibleAgencyKinds as readonly string[]).includes(kind)) return null;
  return violation('POLICY_AGENCY_NOT_ELIGIBLE', `This policy does not let ${kind} agencies make footage requests`, {
    rule: 'eligibleAgencyKinds',
    limit: policy.eligibleAgencyKinds,
    value: kind,
  });
}
