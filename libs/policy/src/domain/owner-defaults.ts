import type { PolicyRules } from './policy.js';

export type PoliceRequestsChoice = 'receive' | 'block';

/**
 * An owner who never chose has no stored choice (null), so switching policy changes what they
 * get: opt-out profiles send them requests, opt-in ones do not.
 */
export const effectivePoliceRequests = (
  choice: PoliceRequestsChoice | null,
  policy: Pick<PolicyRules, 'requestsDefault'>,
): PoliceRequestsChoice => choice ?? (policy.requestsDefault === 'opt-out' ? 'receive' : 'block');

export const effectiveRetentionDays = (
  choice: number | null,
  policy: Pick<PolicyRules, 'defaultRetentionDays'>,
): number => choice ?? policy.defaultRetentionDays;
