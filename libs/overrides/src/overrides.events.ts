/**
 * What the overrides context records in the audit log (invariant 6: an override, its decision
 * and every view of what it opened are on the record — views as consent's `footage.viewed`, with
 * `access: 'override'`), and the outbox event that tells owners.
 */
export const OVERRIDE_REQUESTED = 'override.requested';
export const OVERRIDE_APPROVED = 'override.approved';
export const OVERRIDE_REFUSED = 'override.refused';
