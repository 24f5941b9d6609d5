/** What the agencies context records in the audit log (it publishes no outbox events). */
export const AGENCY_CREATED = 'agency.created';
