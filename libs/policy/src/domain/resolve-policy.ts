import { fieldProblem, RULE_FIELDS } from './policy-fields.js';
import { PROFILE_NAMES, PROFILES, type Policy, type PolicyRules, type ProfileName } from './policy.js';

/** Same shape as the HTTP layer's field problems, so a 400 names each bad field. */
export interface PolicyProblem {
  field: string;
  problems: string[];
}

export type PolicyOverrides = Partial<PolicyRules>;

/** Pairs that must stay ordered whatever profile and overrides combine into. */
const ORDERED: [keyof PolicyRules, keyof PolicyRules][] = [
  ['minAreaSquareMeters', 'maxAreaSquareMeters'],
  ['minWindowSeconds', 'maxWindowSeconds'],
  // A window longer than the lookback could never lie inside it: every request would fail.
  ['maxWindowSeconds', 'maxLookbackSeconds'],
];

export const isProfileName = (value: unknown): value is ProfileName =>
  (PROFILE_NAMES as readonly unknown[]).includes(value);

const isRuleField = (field: string): field is keyof PolicyRules => Object.hasOwn(RULE_FIELDS, field);

/** The profile's rules with the overrides on top. Does not validate: see policyProblems. */
export function resolvePolicy(profile: ProfileName, overrides: PolicyOverrides): Policy {
  return { profile, ...PROFILES[profile], ...overrides };
}

/**
 * Everything wrong with `overrides` applied to `profile`: unknown fields, values of the wrong type
 * or out of range, then (only when every field is well-formed) pairs out of order, naming both.
 */
export function policyProblems(profile: unknown, overrides: Record<string, unknown>): PolicyProblem[] {
  if (!isProfileName(profile)) return [{ field: 'profile', problems: [`must be one of ${PROFILE_NAMES.join(', ')}`] }];
  const problems: PolicyProblem[] = [];
  for (const [field, value] of Object.entries(overrides)) {
    const problem = isRuleField(field) ? fieldProblem(RULE_FIELDS[field], value) : 'is not a policy field';
    if (problem) problems.push({ field, problems: [problem] });
  }
  if (problems.length > 0) return problems;

  const rules = resolvePolicy(profile, overrides as PolicyOverrides);
  for (const [low, high] of ORDERED) {
    if ((rules[low] as number) > (rules[high] as number)) {
      problems.push(
        { field: low, problems: [`must not exceed ${high} (${String(rules[high])})`] },
        { field: high, problems: [`must not be below ${low} (${String(rules[low])})`] },
      );
    }
  }
  return problems;
}
