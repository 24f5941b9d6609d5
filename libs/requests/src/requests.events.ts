/**
 * What the requests context announces. Each name is both an outbox event (its payload typed
 * below, consumed by notifications) and the audit action of the same change.
 */
export const REQUEST_CREATED = 'request.created';
/** A request delivered as a public post (ring-2021's "Request for Assistance"): the feed renders it. */
export const REQUEST_POSTED = 'request.posted';
export const REQUEST_CLOSED = 'request.closed';
export const REQUEST_DELETED = 'request.deleted';
export const REQUEST_EXPIRED = 'request.expired';
/** A reminder to owners who have not answered, at the policy's offsets while the request is open. */
export const REQUEST_REMINDED = 'request.reminded';
/** Audit actions only: a moderator's review, where the policy asks for one (the approval then publishes request.created). */
export const REQUEST_APPROVED = 'request.approved';
export const REQUEST_REFUSED = 'request.refused';

/** Every request event names the request and the agency that made it; readers look the rest up. */
export interface RequestEventPayload {
  requestId: string;
  agencyId: string;
}

export interface RequestReminderPayload extends RequestEventPayload {
  /** 1 for the first reminder, 2 for the second … */
  reminder: number;
}

declare module '@app/outbox' {
  interface OutboxEventPayloads {
    [REQUEST_CREATED]: RequestEventPayload;
    [REQUEST_POSTED]: RequestEventPayload;
    [REQUEST_CLOSED]: RequestEventPayload;
    [REQUEST_DELETED]: RequestEventPayload;
    [REQUEST_EXPIRED]: RequestEventPayload;
    [REQUEST_REMINDED]: RequestReminderPayload;
  }
}
