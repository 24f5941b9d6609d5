import { POST_REMOVED } from '@app/feed';
import type { OutboxEventPayloads, OutboxEventType } from '@app/outbox';
import type { NotificationMessage } from './domain/notification-specs.js';

/** A notice to one user about something of theirs (not about a request): whom, what, and what it links to. */
export interface PersonalNotice extends NotificationMessage {
  userId: string;
  data: Record<string, unknown>;
}

const BODY_MAX = 1000;
const clipped = (text: string): string => (text.length <= BODY_MAX ? text : `${text.slice(0, BODY_MAX - 1)}…`);

/**
 * Events that tell one user something, each as a function of its own payload (typed by the event
 * name, so a notice reading a field its event lacks does not compile). Delivered by
 * PersonalNoticeService, one inbox row per event.
 */
export const PERSONAL_NOTICES: { [Event in OutboxEventType]?: (payload: OutboxEventPayloads[Event]) => PersonalNotice } = {
  [POST_REMOVED]: (removed) => ({
    userId: removed.authorId,
    title: 'A moderator removed your post',
    body: clipped(`Your post "${removed.title}" is no longer in the feed. The moderator's reason: ${removed.reason}`),
    data: { postId: removed.postId },
  }),
};

/** The events PERSONAL_NOTICES handles. */
export const personallyNotifiedEvents = (): OutboxEventType[] => Object.keys(PERSONAL_NOTICES) as OutboxEventType[];
