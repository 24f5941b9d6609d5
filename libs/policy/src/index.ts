export {
  effectivePoliceRequests,
  effectiveRetentionDays,
  type PoliceRequestsChoice,
} from './domain/owner-defaults.js';
export {
  PROFILE_NAMES,
  PROFILES,
  PROHIBITED_PURPOSES,
  type Policy,
  type PolicyRules,
  type ProfileName,
  type ProhibitedPurpose,
} from './domain/policy.js';
