// The HTTP layer is a second entry point (@app/audit/http), imported by the api only: it needs
// identity's @Roles, while identity records audit events, so one entry would be an import cycle.
export { AuditHttpModule } from './audit-http.module.js';
