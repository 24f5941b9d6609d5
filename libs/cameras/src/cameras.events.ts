/** What the cameras context records in the audit log (it publishes no outbox events). */
export const CAMERA_CREATED = 'camera.created';
export const CAMERA_DELETED = 'camera.deleted';
export const PRIVACY_UPDATED = 'privacy.updated';
/** One per owner and purge, with how many of their recordings went. */
export const RECORDINGS_PURGED = 'recordings.purged';
