import type { DataSource } from 'typeorm';
import { REACHED_RECORDINGS, round, type DayRecord } from '../engine/run-log.js';
import type { Scenario } from '../scenario/scenario.schema.js';
import type { SimulationResult } from '../engine/simulation.js';
import type { PilotReport } from '../town/pilot.js';

/**
 * A run's report (SIMULATOR.md, "Measures"): defined once here, written as report.json and
 * report.md. Only simulated facts: nothing about the machine or how long it took, so the same
 * scenario, seed and policy give the same bytes.
 */
export interface RunReport {
  scenario: { name: string; title: string; question: string; seed: number; policy: string; start: string; durationDays: number; households: number };
  /** `byNeighbourhood`: every neighbourhood's incidents per 30-day period of the run (the last may be shorter). */
  incidents: { total: number; byType: Record<string, number>; byNeighbourhood: { cell: string; per30Days: number[] }[] };
  requests: {
    made: number;
    madeOnRetry: number;
    /** Requests not made because the agency was not yet a partner (its partnerSince is later). */
    notYetPartner: number;
    /** Refusals by the rule's code (an officer may be refused, then succeed on retry). */
    refusedByRule: Record<string, number>;
    retriedWithinRule: number;
    gaveUp: number;
    reviewsApproved: number;
    reviewsRefused: number;
    byStatus: Record<string, number>;
  };
  owners: {
    asked: number;
    excluded: { noRecordings: number; blocked: number; encrypted: number; optInNotGiven: number };
    /** How the asked ended: given (still shared), withdrawn, refused, expired (never answered), requested (still open). */
    outcomes: Record<string, number>;
    consentRate: number | null;
    refusalRate: number | null;
    withdrawalRate: number | null;
    answersTooLate: number;
    /** From a request opening to its first answer. */
    hoursToFirstAnswer: { median: number; p90: number } | null;
    identitiesDisclosed: number;
    /** Owners' answers that shared, and how many of them came from owners whose camera the subsidy paid for. */
    shares: number;
    sharesFromSubsidised: number;
    noticesSent: number;
    remindersSent: number;
    /** Owners who changed a setting during the run: opted out of police requests, or picked another retention. */
    privacyChanges: { optedOut: number; retentionChanged: number };
  };
  overrides: {
    /** By basis (emergency, warrant): approved on the spot, approved or refused by a moderator, or the rule's code that refused it. */
    byBasis: Record<string, Record<string, number>>;
    /** Owners whose footage an approved override reached; of them, those the policy never tells. */
    ownersReached: number;
    ownersNeverTold: number;
  };
  footage: {
    /** Hours of recordings police could open, by consent or override. */
    hoursReachingPolice: number;
    /** Of those, hours only an override reached: owners who did not consent. */
    hoursWithoutConsent: number;
    /** Share of (neighbourhood × hour) pairs of the run with at least one recording police could open. */
    areaHoursUnderPoliceView: number;
    /** Incidents police asked about whose footage covering the incident reached them. */
    casesWithFootage: number;
    cases: number;
    /** Every neighbourhood of the town (H3 resolution 8), with the hours of footage from it that reached police. */
    byNeighbourhood: { cell: string; hours: number }[];
  };
  /** Neighbours' posts: how many, how many described someone by race alone, held by screening, reported for profiling, removed. */
  feed: { posts: number; raceOnly: number; held: number; reportedForProfiling: number; removed: number };
  cameras: { atStart: number; atEnd: number; subsidised: number };
  /** The camera pilot's before and after, where the scenario has one. */
  pilot: PilotReport | null;
  days: DayRecord[];
}

const HOUR_MS = 3_600_000;

const sortedRecord = <T>(entries: [string, T][]): Record<string, T> => Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
const rate = (part: number, whole: number): number | null => (whole === 0 ? null : round(part / whole));

export async function measure(dataSource: DataSource, scenario: Scenario, policy: string, { town, cameraOwners, ownerHouseholds, log, pilot }: SimulationResult): Promise<RunReport> {
  const statuses: { status: string; count: number }[] = await dataSource.query('SELECT status, count(*)::int AS count FROM requests_request GROUP BY status');
  const [asked] = await dataSource.query(
    `SELECT COALESCE(sum(owners_asked), 0)::int AS asked, COALESCE(sum(excluded_no_recordings), 0)::int AS "noRecordings",
            COALESCE(sum(excluded_blocked), 0)::int AS blocked, COALESCE(sum(excluded_encrypted), 0)::int AS encrypted,
            COALESCE(sum(excluded_opt_in_not_given), 0)::int AS "optInNotGiven"
     FROM requests_request`,
  );
  const outcomes: { state: string; count: number }[] = await dataSource.query('SELECT consent_state AS state, count(*)::int AS count FROM requests_recipient GROUP BY consent_state');
  const outcome = (state: string) => outcomes.find((row) => row.state === state)?.count ?? 0;
  const [firstAnswer] = await dataSource.query(
    `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) AS median, percentile_cont(0.9) WITHIN GROUP (ORDER BY hours) AS p90
     FROM (SELECT extract(epoch FROM min(c.created_at) - COALESCE(r.reviewed_at, r.created_at)) / 3600 AS hours
           FROM consent_decision c JOIN requests_request r ON r.id = c.request_id GROUP BY r.id, r.reviewed_at, r.created_at) AS first`,
  );
  const [moderation] = await dataSource.query(
    `SELECT count(*) FILTER (WHERE first_profiling_report_at IS NOT NULL)::int AS reported, count(*) FILTER (WHERE decision = 'remove')::int AS removed
     FROM feed_post_review`,
  );
  const sharers: { owner_id: string }[] = await dataSource.query(`SELECT owner_id FROM consent_decision WHERE decision = 'share'`);
  const [{ identities }] = await dataSource.query(`SELECT count(*)::int AS identities FROM consent_decision WHERE decision = 'share' AND identity_disclosed`);
  const notices: { type: string; count: number }[] = await dataSource.query(
    `SELECT type, count(*)::int AS count FROM notifications_notice WHERE type IN ('request.created', 'request.reminded') GROUP BY type`,
  );
  const noticeCount = (type: string) => notices.find((row) => row.type === type)?.count ?? 0;
  const [overrideOwners] = await dataSource.query(
    `SELECT count(*)::int AS reached, count(*) FILTER (WHERE o.owner_notice_seconds IS NULL)::int AS "neverTold"
     FROM overrides_reached_owner reached JOIN overrides_report o ON o.id = reached.override_id AND o.status = 'approved'`,
  );
  const reached: { id: string; camera_id: string; started_at: Date; ended_at: Date; without_consent: boolean }[] = await dataSource.query(REACHED_RECORDINGS);

  const answeredShare = outcome('given') + outcome('withdrawn');
  const start = Date.parse(`${scenario.start}T00:00:00Z`);
  const underView = new Set<string>();
  const hoursByCell = new Map(town.neighbourhoods.map((cell) => [cell, 0]));
  let hours = 0;
  let hoursWithoutConsent = 0;
  for (const recording of reached) {
    const length = (recording.ended_at.getTime() - recording.started_at.getTime()) / HOUR_MS;
    hours += length;
    if (recording.without_consent) hoursWithoutConsent += length;
    const neighbourhood = town.households[cameraOwners.get(recording.camera_id)!]!.neighbourhood;
    hoursByCell.set(neighbourhood, hoursByCell.get(neighbourhood)! + length);
    const first = Math.floor((recording.started_at.getTime() - start) / HOUR_MS);
    const last = Math.floor((recording.ended_at.getTime() - 1 - start) / HOUR_MS);
    for (let hour = first; hour <= last; hour++) underView.add(`${neighbourhood}/${hour}`);
  }
  const reachedIds = new Set(reached.map((recording) => recording.id));
  const cases = [...log.cases.values()];

  return {
    scenario: {
      name: scenario.name,
      title: scenario.title,
      question: scenario.question,
      seed: scenario.seed,
      policy,
      start: scenario.start,
      durationDays: scenario.durationDays,
      households: scenario.town.households,
    },
    incidents: {
      total: Object.values(log.incidentsByType).reduce((sum, count) => sum + count, 0),
      byType: sortedRecord(Object.entries(log.incidentsByType)),
      byNeighbourhood: town.neighbourhoods.map((cell) => ({
        cell,
        per30Days: log.incidentsByNeighbourhood.get(cell) ?? new Array<number>(Math.ceil(scenario.durationDays / 30)).fill(0),
      })),
    },
    requests: {
      made: log.requestsMade,
      madeOnRetry: log.madeOnRetry,
      notYetPartner: log.notPartnerYetCount,
      refusedByRule: sortedRecord(Object.entries(log.refusedByCode)),
      retriedWithinRule: log.retried,
      gaveUp: log.gaveUp,
      reviewsApproved: log.reviewsApproved,
      reviewsRefused: log.reviewsRefused,
      byStatus: sortedRecord(statuses.map((row) => [row.status, row.count])),
    },
    owners: {
      asked: asked.asked,
      excluded: { noRecordings: asked.noRecordings, blocked: asked.blocked, encrypted: asked.encrypted, optInNotGiven: asked.optInNotGiven },
      outcomes: sortedRecord(outcomes.map((row) => [row.state, row.count])),
      consentRate: rate(answeredShare, asked.asked),
      refusalRate: rate(outcome('refused'), asked.asked),
      withdrawalRate: rate(outcome('withdrawn'), answeredShare),
      answersTooLate: Object.values(log.answerRefusedByCode).reduce((sum, count) => sum + count, 0),
      hoursToFirstAnswer: firstAnswer.median === null ? null : { median: round(Number(firstAnswer.median)), p90: round(Number(firstAnswer.p90)) },
      identitiesDisclosed: identities,
      shares: sharers.length,
      sharesFromSubsidised: sharers.filter((sharer) => town.households[ownerHouseholds.get(sharer.owner_id)!]!.subsidised).length,
      noticesSent: noticeCount('request.created'),
      remindersSent: noticeCount('request.reminded'),
      privacyChanges: { ...log.privacyChanges },
    },
    overrides: {
      byBasis: sortedRecord(Object.entries(log.overrides).map(([basis, outcomes]) => [basis, sortedRecord(Object.entries(outcomes))])),
      ownersReached: overrideOwners.reached,
      ownersNeverTold: overrideOwners.neverTold,
    },
    footage: {
      hoursReachingPolice: round(hours),
      hoursWithoutConsent: round(hoursWithoutConsent),
      areaHoursUnderPoliceView: round(underView.size / (town.neighbourhoods.length * scenario.durationDays * 24), 6),
      casesWithFootage: cases.filter((known) => known.coveringRecordingIds.some((id) => reachedIds.has(id))).length,
      cases: cases.length,
      byNeighbourhood: town.neighbourhoods.map((cell) => ({ cell, hours: round(hoursByCell.get(cell)!) })),
    },
    feed: { posts: log.posts.total, raceOnly: log.posts.raceOnly, held: log.posts.held, reportedForProfiling: moderation.reported, removed: moderation.removed },
    cameras: {
      atStart: town.households.filter((household) => household.installDay === 0).length,
      atEnd: log.days.at(-1)?.cameras ?? 0,
      subsidised: town.households.filter((household) => household.subsidised).length,
    },
    pilot,
    days: log.days,
  };
}
