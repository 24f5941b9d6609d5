import { NotFoundError } from '@app/errors';

/** Every error the notifications context answers with. */

export class NotificationNotFoundError extends NotFoundError {
  constructor() {
    super('Notification', 'NOTIFICATION_NOT_FOUND');
  }
}
