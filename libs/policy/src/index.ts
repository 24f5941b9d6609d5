export {
  effectivePoliceRequests,
  effectiveRetentionDays,
  type PoliceRequestsChoice,
} from './domain/owner-defaults.js';
export {
  AGENCY_KIND_NAMES,
  PROFILE_NAMES,
  PROFILES,
  PROHIBITED_PURPOSES,
  type AgencyKindName,
  type Policy,
  type PolicyRules,
  type ProfileName,
  type ProhibitedPurpose,
} from './domain/policy.js';
export { PolicyModule } from './policy.module.js';
export { PolicyService, enforce, enforceAccess } from './policy.service.js';
export { PolicyChanges, type PolicyChange } from './policy-changes.service.js';
export { PolicyChangeRecorder, type RecordedPolicyChange } from './policy-change-recorder.js';
export { POLICY_CHANGED } from './policy.events.js';
export type { RuleViolation } from './domain/rules/rule-violation.js';
export { RULE_FIELD_NAMES, RETENTION_DAYS } from './domain/policy-fields.js';
export { isProfileName, resolvePolicy, type PolicyOverrides } from './domain/resolve-policy.js';
export { checkAreaSize } from './domain/rules/area-size.js';
export { checkCaseNumber, checkOpenRequestsPerCase } from './domain/rules/case-number.js';
export { checkAgencyEligible } from './domain/rules/agency-eligibility.js';
export { checkCoverageAccess } from './domain/rules/coverage.js';
export { checkDeletion } from './domain/rules/deletion.js';
export { checkHeatmapAccess } from './domain/rules/heatmap.js';
export { checkWarrantPath } from './domain/rules/overrides.js';
export { checkStaffFootageAccess } from './domain/rules/staff-access.js';
export { checkPostPurpose, checkPurpose, PURPOSE_INCIDENT_TYPES, type RequestPurpose } from './domain/rules/purpose.js';
export { isRaceOnlyDescription } from './domain/rules/race-only-description.js';
export { checkWindow, type TimeWindow } from './domain/rules/window.js';
export { PolicyHttpModule } from './http/policy-http.module.js';
