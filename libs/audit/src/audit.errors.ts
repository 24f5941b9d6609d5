import { ValidationError } from '@app/errors';

/** Every error the audit log answers with. */

export class AuditCursorInvalidError extends ValidationError {
  constructor() {
    super('cursor is not one this API returned', undefined, 'AUDIT_CURSOR_INVALID');
  }
}

/** Some forms ISO 8601 allows (week dates …) are not ones Date parses: those are a 400 too. */
export class AuditDateInvalidError extends ValidationError {
  constructor(field: string) {
    super(`${field} must be an ISO 8601 date`, [{ field, problems: ['not a date'] }]);
  }
}
