import type { PolicyRules } from '../policy.js';
import { violation, type RuleViolation } from './rule-violation.js';

/** A request's area (m², on the sphere) must lie within the policy's bounds, both inclusive. */
export function checkAreaSize(
  policy: Pick<PolicyRules, 'minAreaSquareMeters' | 'maxAreaSquareMeters'>,
  areaSquareMeters: number,
): RuleViolation | null {
  if (areaSquareMeters < policy.minAreaSquareMeters) {
    return violation('POLICY_AREA_TOO_SMALL', `The area must be at least ${policy.minAreaSquareMeters} m²`, {
      limitSquareMeters: policy.minAreaSquareMeters,
      actualSquareMeters: areaSquareMeters,
    });
  }
  // Written as "not within" so that NaN is refused too.
  if (!(areaSquareMeters <= policy.maxAreaSquareMeters)) {
    return violation('POLICY_AREA_TOO_LARGE', `The area must be at most ${policy.maxAreaSquareMeters} m²`, {
      limitSquareMeters: policy.maxAreaSquareMeters,
      actualSquareMeters: areaSquareMeters,
    });
  }
  return null;
}
