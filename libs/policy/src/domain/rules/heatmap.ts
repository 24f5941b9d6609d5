import type { PolicyRules } from '../policy.js';
import { violation, type RuleViolation } from './rule-violation.js';

/**
 * The incident heat map for agencies: where the policy gives none (heatmapMinPosts null, as
 * privacy-by-design), police may not see where neighbours post about incidents at all.
 */
export function checkHeatmapAccess(policy: Pick<PolicyRules, 'heatmapMinPosts'>): RuleViolation | null {
  if (policy.heatmapMinPosts !== null) return null;
  return violation('POLICY_HEATMAP_FORBIDDEN', 'This policy gives agencies no incident heat map', { rule: 'heatmapMinPosts', limit: null });
}
