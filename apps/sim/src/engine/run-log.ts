import type { DataSource } from 'typeorm';
import type { Scenario } from '../scenario/scenario.schema.js';
import type { Incident } from '../town/incidents.js';

/** One day of the run, as the charts draw it. */
export interface DayRecord {
  date: string;
  /** Cameras up at the end of the day. */
  cameras: number;
  /** Requests made so far. */
  requests: number;
  /** Hours of footage police could open so far (consent and overrides). */
  footageHours: number;
}

/** A case: an incident police asked owners about, and the clips that covered it. */
export interface CaseRecord {
  incident: number;
  type: string;
  requestIds: string[];
  coveringRecordingIds: string[];
}

/**
 * What the engine saw happen that the database does not keep: requests refused before they
 * existed, officers' retries, answers that came too late, and the ground truth (which clips
 * covered which incident). The measures join it with what the database does keep.
 */
export class RunLog {
  readonly incidentsByType: Record<string, number> = {};
  readonly refusedByCode: Record<string, number> = {};
  readonly answerRefusedByCode: Record<string, number> = {};
  readonly cases = new Map<number, CaseRecord>();
  readonly days: DayRecord[] = [];
  requestsMade = 0;
  madeOnRetry = 0;
  retried = 0;
  gaveUp = 0;
  reviewsApproved = 0;
  reviewsRefused = 0;
  /** Overrides by basis: how each ended (approved on the spot, approved or refused by a moderator, refused by a rule). */
  readonly overrides: Record<string, Record<string, number>> = {};
  private cameras = 0;
  private readonly covering = new Map<number, string[]>();

  constructor(
    private readonly scenario: Scenario,
    private readonly start: number,
  ) {}

  camerasInstalled(count: number): void {
    this.cameras += count;
  }

  /** Incidents per neighbourhood, per 30-day period of the run. */
  readonly incidentsByNeighbourhood = new Map<string, number[]>();

  incident(incident: Incident, coveringRecordingIds: string[]): void {
    this.incidentsByType[incident.type.type] = (this.incidentsByType[incident.type.type] ?? 0) + 1;
    const periods = this.incidentsByNeighbourhood.get(incident.neighbourhood) ?? new Array<number>(Math.ceil(this.scenario.durationDays / 30)).fill(0);
    periods[Math.floor((incident.at - this.start) / (30 * 86_400_000))]!++;
    this.incidentsByNeighbourhood.set(incident.neighbourhood, periods);
    this.covering.set(incident.index, coveringRecordingIds);
  }

  requestMade(incident: Incident, requestId: string, attempt: number): void {
    this.requestsMade++;
    if (attempt > 1) this.madeOnRetry++;
    const known = this.cases.get(incident.index);
    if (known) known.requestIds.push(requestId);
    else this.cases.set(incident.index, { incident: incident.index, type: incident.type.type, requestIds: [requestId], coveringRecordingIds: this.covering.get(incident.index) ?? [] });
  }

  /** Incidents whose agency was not yet a partner of the platform when it would have asked. */
  notPartnerYetCount = 0;

  notPartnerYet(): void {
    this.notPartnerYetCount++;
  }

  requestRefused(code: string, retrying: boolean): void {
    this.refusedByCode[code] = (this.refusedByCode[code] ?? 0) + 1;
    if (retrying) this.retried++;
    else this.gaveUp++;
  }

  reviewed(approved: boolean): void {
    if (approved) this.reviewsApproved++;
    else this.reviewsRefused++;
  }

  answerRefused(code: string): void {
    this.answerRefusedByCode[code] = (this.answerRefusedByCode[code] ?? 0) + 1;
  }

  /** Neighbours' posts: how many, how many described someone by race alone, how many the policy held. */
  readonly posts = { total: 0, raceOnly: 0, held: 0 };

  /** Owners who changed a privacy setting during the run. */
  readonly privacyChanges = { optedOut: 0, retentionChanged: 0 };

  privacyChanged(change: 'optedOut' | 'retentionChanged'): void {
    this.privacyChanges[change]++;
  }

  posted(raceOnly: boolean, status: string): void {
    this.posts.total++;
    if (raceOnly) this.posts.raceOnly++;
    if (status === 'held') this.posts.held++;
  }

  overrideRequested(basis: string, status: string): void {
    if (status === 'approved') this.countOverride(basis, 'approvedOnTheSpot');
  }

  overrideDecided(basis: string, approved: boolean): void {
    this.countOverride(basis, approved ? 'approvedByModerator' : 'refusedByModerator');
  }

  overrideRefused(basis: string, code: string): void {
    this.countOverride(basis, code);
  }

  private countOverride(basis: string, outcome: string): void {
    const counts = (this.overrides[basis] ??= {});
    counts[outcome] = (counts[outcome] ?? 0) + 1;
  }

  /** The day's point on the time series: cameras, requests, and footage police could open so far. */
  async endOfDay(dataSource: DataSource, day: number): Promise<void> {
    const [{ hours }] = await dataSource.query(`SELECT COALESCE(sum(date_part('epoch', ended_at - started_at)), 0) / 3600 AS hours FROM (${REACHED_RECORDINGS}) AS reached`);
    this.days.push({
      date: new Date(this.start + day * 86_400_000).toISOString().slice(0, 10),
      cameras: this.cameras,
      requests: this.requestsMade,
      footageHours: round(Number(hours)),
    });
  }

}

/**
 * Every recording police could open at some point, once: named in a consent to share (withdrawn
 * ones too — police had them until the withdrawal) or reached by an approved override.
 * `without_consent`: only an override reached it.
 */
export const REACHED_RECORDINGS = `
  SELECT recording.id, recording.camera_id, recording.started_at, recording.ended_at, bool_and(reach.by_override) AS without_consent
  FROM (
    SELECT recording_id, false AS by_override FROM consent_shared_recording
    UNION ALL
    SELECT recording_id, true FROM overrides_reached_recording
  ) AS reach
  JOIN cameras_recording recording ON recording.id = reach.recording_id
  GROUP BY recording.id, recording.camera_id, recording.started_at, recording.ended_at`;

export const round = (value: number, digits = 3): number => Number(value.toFixed(digits));
