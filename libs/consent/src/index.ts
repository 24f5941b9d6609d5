export { AccessLogService, type AccessEntry } from './access-log.service.js';
export { ConsentHttpModule } from './consent-http.module.js';
export { ConsentModule } from './consent.module.js';
export type { ReceivedRequest } from './consent.repository.js';
export {
  CONSENT_GIVEN,
  CONSENT_REFUSED,
  CONSENT_WITHDRAWN,
  ConsentNotFoundError,
  ConsentService,
} from './consent.service.js';
export { receiptHash, verifyReceipt, type ConsentReceipt, type ReceiptFields } from './domain/consent-receipt.js';
export type { ConsentAnswer } from './domain/share-choice.js';
export { FOOTAGE_VIEWED, FootageService, type SharedOwner, type SharedRecording } from './footage.service.js';
export { STAFF_VIEWED, StaffAccessService } from './staff-access.service.js';
