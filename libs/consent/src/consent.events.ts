/**
 * What the consent context announces. An owner's answer and a withdrawal are outbox events
 * (payloads typed below, consumed by notifications) and audit actions of the same name; views of
 * footage are audit actions only.
 */
export const CONSENT_GIVEN = 'consent.given';
export const CONSENT_REFUSED = 'consent.refused';
export const CONSENT_WITHDRAWN = 'consent.withdrawn';
/** An officer opened shared footage (the owner's access log lists these). */
export const FOOTAGE_VIEWED = 'footage.viewed';
/** Platform staff opened a resident's recording. */
export const STAFF_VIEWED = 'recording.staff_viewed';

export interface ConsentEventPayload {
  requestId: string;
  agencyId: string;
  consentId: string;
}

declare module '@app/outbox' {
  interface OutboxEventPayloads {
    [CONSENT_GIVEN]: ConsentEventPayload;
    [CONSENT_REFUSED]: ConsentEventPayload;
    [CONSENT_WITHDRAWN]: ConsentEventPayload;
  }
}
