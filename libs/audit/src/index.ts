export { AuditModule } from './audit.module.js';
export { AuditService, type AuditEntry, type AuditPage, type AuditVerifyResult } from './audit.service.js';
export { GENESIS_HASH } from './domain/audit-hash.js';
export { decodeAuditCursor, encodeAuditCursor } from './domain/audit-cursor.js';
export { AuditHttpModule } from './http/audit-http.module.js';
