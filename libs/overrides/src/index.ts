// Warrant and emergency disclosures (invariant 6). Consent's footage reaches what they opened
// through OverridesService.opened, in the caller's transaction.
export { OVERRIDE_BASES, type OverrideBasis } from './domain/override.js';
export { OverridesHttpModule } from './overrides-http.module.js';
export { OverridesModule } from './overrides.module.js';
export type { OpenedRecording } from './overrides.repository.js';
export { OverridesService } from './overrides.service.js';
export { OVERRIDE_APPROVED, OVERRIDE_OWNERS_TOLD, OVERRIDE_REFUSED, OVERRIDE_REQUESTED, type OverrideOwnersToldPayload } from './overrides.events.js';
export { OverridesJobsModule, OWNER_NOTICE_TASK } from './jobs/overrides-jobs.module.js';
