import { ValidationError } from '@app/errors';

/** Every error the transparency report answers with. */
export class PeriodInvalidError extends ValidationError {
  constructor() {
    super('from must be before to', [{ field: 'from', problems: ['not before to'] }], 'PERIOD_INVALID');
  }
}
