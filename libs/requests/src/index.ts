export { CONSENT_STATES, LISTED_STATUSES, REQUEST_STATUSES, type ConsentState, type ExcludedCounts, type ListedStatus, type RequestCounts, type RequestStatus } from './domain/request.js';
export { transition as consentTransition, type ConsentEvent } from './domain/consent-state.js';
export { RequestResponse, toRequestResponse } from './dto/request.response.js';
export { REQUEST_EXPIRY_TASK, REQUEST_REMINDER_TASK, RequestsJobsModule } from './jobs/requests-jobs.module.js';
export { RequestsHttpModule } from './requests-http.module.js';
export { RequestsModule } from './requests.module.js';
export type { MatchResult, RequestView } from './requests.repository.js';
export { RequestsService, type RequestInput, type RequestPage } from './requests.service.js';
export { RequestNotFoundError, RequestNotOpenError } from './requests.errors.js';
export {
  REQUEST_CLOSED,
  REQUEST_CREATED,
  REQUEST_DELETED,
  REQUEST_EXPIRED,
  REQUEST_POSTED,
  REQUEST_REMINDED,
  type RequestEventPayload,
  type RequestReminderPayload,
} from './requests.events.js';
export { CASE_NUMBER_MAX, DESCRIPTION_MAX, INCIDENT_TYPE_MAX } from './dto/create-request.dto.js';
