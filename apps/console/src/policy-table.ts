/** One shipped profile as GET /api/policy/profiles lists it: its name, a summary and every rule. */
export type Profile = { profile: string; summary: string } & Record<string, unknown>;

export interface RuleRow {
  rule: string;
  /** The rule's value under each profile, in the profiles' order, as text. */
  values: string[];
  /** The profiles do not all agree on it. */
  differs: boolean;
}

/** A rule's value as a class reads it. */
export function ruleText(value: unknown): string {
  if (value === null) return 'none';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.join(', ');
  if (typeof value === 'number') return Number.isInteger(value) ? value.toLocaleString('en') : value.toLocaleString('en', { maximumFractionDigits: 2 });
  return String(value);
}

/** Every rule of the profiles, one row each, with the rules on which they differ marked. */
export function ruleRows(profiles: Profile[]): RuleRow[] {
  const rules = [...new Set(profiles.flatMap((profile) => Object.keys(profile)))].filter((rule) => rule !== 'profile' && rule !== 'summary');
  return rules.map((rule) => {
    const values = profiles.map((profile) => ruleText(profile[rule]));
    return { rule, values, differs: new Set(values).size > 1 };
  });
}
