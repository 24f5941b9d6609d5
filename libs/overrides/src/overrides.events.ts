/**
 * What the overrides context announces. In the audit log (invariant 6): an override, its decision,
 * and the notice to owners — views of what it opened are consent's `footage.viewed`, with
 * `access: 'override'`. In the outbox: the notice, which notifications turns into inbox items.
 */
export const OVERRIDE_REQUESTED = 'override.requested';
export const OVERRIDE_APPROVED = 'override.approved';
export const OVERRIDE_REFUSED = 'override.refused';
/** The policy's notice period after an approval ended: every owner it reached is told. */
export const OVERRIDE_OWNERS_TOLD = 'override.owners_told';

export interface OverrideOwnersToldPayload {
  overrideId: string;
  requestId: string;
  agencyId: string;
}

declare module '@app/outbox' {
  interface OutboxEventPayloads {
    [OVERRIDE_OWNERS_TOLD]: OverrideOwnersToldPayload;
  }
}
