/** The audit action of a policy change (recorded through the PolicyChangeRecorder port). */
export const POLICY_CHANGED = 'policy.changed';
