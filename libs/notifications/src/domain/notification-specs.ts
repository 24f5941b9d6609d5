/**
 * Which event tells whom what — the one place per event type (event → audience → message).
 * Pure: the audience is a description the repository turns into SQL, the message a function of
 * the request the event is about.
 */
export type Audience =
  /** Every owner the request reached. */
  | 'recipients'
  /** Owners the request reached who have not answered (their consent was requested or has expired). */
  | 'unanswered'
  /** Officers and agency admins of the requesting agency. */
  | 'agency'
  /** Owners whose footage an override reached, whatever they answered or chose. */
  | 'override-owners';

/** What a message may say about the request; never who else was asked. */
export interface RequestSummary {
  id: string;
  agencyName: string;
  caseNumber: string;
  incidentType: string;
  windowStart: Date;
  windowEnd: Date;
  status: string;
  /** notified and pending are null where the request's agency may not see owners who ignore it. */
  counts: { notified: number | null; shared: number; declined: number; pending: number | null };
  /** Where the request's notices to owners also go, as its policy set them (push, email). */
  noticeChannels: string[];
}

export interface NotificationMessage {
  title: string;
  body: string;
}

export interface NotificationSpec {
  audience: Audience;
  message(request: RequestSummary): NotificationMessage;
  /** Also push `request.updated` (status and counts) to the agency's room. */
  updatesAgency: boolean;
  /** Also sent through the request's notice channels (push, email), not only to the inbox. */
  viaNoticeChannels: boolean;
}

/** Every notification reaches the inbox and the live socket. */
export const IN_APP = 'in-app';

/** The channels one notification of the event goes through. */
export const channelsOf = (spec: NotificationSpec, request: RequestSummary): string[] =>
  spec.viaNoticeChannels ? [IN_APP, ...request.noticeChannels] : [IN_APP];

const day = (at: Date) => at.toISOString().slice(0, 10);
const time = (at: Date) => at.toISOString().slice(11, 16);
const window = (request: RequestSummary) =>
  day(request.windowStart) === day(request.windowEnd)
    ? `${day(request.windowStart)} ${time(request.windowStart)}–${time(request.windowEnd)} UTC`
    : `${day(request.windowStart)} ${time(request.windowStart)} – ${day(request.windowEnd)} ${time(request.windowEnd)} UTC`;
const tally = ({ counts }: RequestSummary) =>
  counts.pending === null || counts.notified === null
    ? `${counts.shared} shared, ${counts.declined} declined`
    : `${counts.shared} shared, ${counts.declined} declined, ${counts.pending} pending of ${counts.notified}`;

export const NOTIFICATION_SPECS = {
  'request.created': {
    audience: 'recipients',
    updatesAgency: false,
    viaNoticeChannels: true,
    message: (request) => ({
      title: `${request.agencyName} asks for your footage`,
      body: `Case ${request.caseNumber} (${request.incidentType}): recordings from ${window(request)}. You decide whether to share any.`,
    }),
  },
  // At each of the policy's reminder offsets while the request is open (a requests due task).
  'request.reminded': {
    audience: 'unanswered',
    updatesAgency: false,
    viaNoticeChannels: true,
    message: (request) => ({
      title: `Reminder: ${request.agencyName} still asks for your footage`,
      body: `Case ${request.caseNumber} (${request.incidentType}): recordings from ${window(request)}. Sharing is your choice; nothing is shared unless you answer.`,
    }),
  },
  'request.closed': {
    audience: 'unanswered',
    updatesAgency: true,
    viaNoticeChannels: false,
    message: (request) => ({
      title: `${request.agencyName} closed its request`,
      body: `Case ${request.caseNumber} no longer takes answers; nothing of yours was shared.`,
    }),
  },
  'request.deleted': {
    audience: 'unanswered',
    updatesAgency: false,
    viaNoticeChannels: false,
    message: (request) => ({
      title: `${request.agencyName} withdrew its request`,
      body: `Case ${request.caseNumber} was withdrawn; nothing of yours was shared.`,
    }),
  },
  'request.expired': {
    audience: 'unanswered',
    updatesAgency: true,
    viaNoticeChannels: false,
    message: (request) => ({
      title: `A request for your footage expired`,
      body: `${request.agencyName}'s request for case ${request.caseNumber} expired unanswered; nothing of yours was shared.`,
    }),
  },
  'consent.given': {
    audience: 'agency',
    updatesAgency: true,
    viaNoticeChannels: false,
    message: (request) => ({ title: `A neighbour shared footage for case ${request.caseNumber}`, body: tally(request) }),
  },
  'consent.refused': {
    audience: 'agency',
    updatesAgency: true,
    viaNoticeChannels: false,
    message: (request) => ({ title: `A neighbour declined for case ${request.caseNumber}`, body: tally(request) }),
  },
  'consent.withdrawn': {
    audience: 'agency',
    updatesAgency: true,
    viaNoticeChannels: false,
    message: (request) => ({
      title: `A neighbour withdrew consent for case ${request.caseNumber}`,
      body: `Their recordings are no longer available. ${tally(request)}`,
    }),
  },
  // Sent when the policy in force at approval sets a notice period, at its end (an overrides due task).
  'override.owners_told': {
    audience: 'override-owners',
    updatesAgency: false,
    viaNoticeChannels: false,
    message: (request) => ({
      title: `Police were given your footage without your consent`,
      body:
        `${request.agencyName} reached your recordings from ${window(request)} through a legal override for case ${request.caseNumber}. ` +
        'Your access log shows each time they were viewed, and on what basis.',
    }),
  },
} satisfies Record<string, NotificationSpec>;

/** The events that tell someone something: each must be an outbox event its context declares (checked where the handler is registered). */
export type NotifiedEvent = keyof typeof NOTIFICATION_SPECS;

/**
 * Keyset ranges over the audience's user ids for batches: (null, b1], (b1, b2], …, (bk, null),
 * from the ids at positions size, 2·size, … before the last user. A range is re-read when its
 * job runs, so owners joining or leaving the audience meanwhile are handled then.
 */
export function batchRanges(boundaries: string[]): { after: string | null; upTo: string | null }[] {
  const edges = [null, ...boundaries];
  return edges.map((after, index) => ({ after, upTo: boundaries[index] ?? null }));
}
