import { randomUUID } from 'node:crypto';
import { AgenciesService } from '@app/agencies';
import type { AuthUser } from '@app/auth';
import { Clock, DueTaskRunner } from '@app/clock';
import { insertCameras, insertClips, insertPrivacyChoices, PrivacyService, type NewClip } from '@app/cameras';
import { ConsentService } from '@app/consent';
import { FeedService } from '@app/feed';
import { DomainError } from '@app/errors';
import { insertResidents, UsersService } from '@app/identity';
import { OverridesService, type OverrideBasis } from '@app/overrides';
import { PolicyChanges, PolicyService, type Policy, type ProfileName } from '@app/policy';
import { Pipelines } from '@app/queue';
import { RequestsService } from '@app/requests';
import { getDataSourceToken } from '@nestjs/typeorm';
import { argon2id, hash } from 'argon2';
import type { DataSource } from 'typeorm';
import type { SimApp } from '../run/sim-app.js';
import type { Scenario } from '../scenario/scenario.schema.js';
import { planIncidents, type Incident } from '../town/incidents.js';
import { HouseholdsNearby } from '../town/nearby.js';
import { installPilotCameras, pilotNeighbourhood, pilotReport, type PilotReport } from '../town/pilot.js';
import { metersBetween, planTown, type Household, type PlannedAgency, type Town } from '../town/town.js';
import { EventQueue } from './event-queue.js';
import { planPosts, type PlannedPost } from './feed-posts.js';
import { planAnswer } from './owner-answers.js';
import { fitToRule, type RequestShape } from './police-request.js';
import { keyedStream, randomStreams, type RandomStream } from './random.js';
import { RunLog } from './run-log.js';

type SimEvent =
  | { kind: 'incident'; incident: Incident }
  | { kind: 'request'; incident: Incident; shape: RequestShape; attempt: number }
  | { kind: 'review'; incident: Incident; requestId: string }
  | { kind: 'answer'; incident: Incident; requestId: string; household: Household; decision: 'share' | 'decline' }
  | { kind: 'withdraw'; household: Household; consentId: string }
  | { kind: 'override'; incident: Incident; requestId: string; basis: OverrideBasis }
  | { kind: 'override-decision'; incident: Incident; overrideId: string; basis: OverrideBasis }
  | { kind: 'privacy'; household: Household; change: { policeRequests: 'block' } | { retentionDays: number } }
  | { kind: 'post'; post: PlannedPost; index: number }
  | { kind: 'report'; postId: string; reader: Household }
  | { kind: 'moderate'; postId: string; post: PlannedPost; index: number };

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** Chance that a camera within reach of a request's largest circle recorded some motion in the hours around an incident. */
const BACKGROUND_CLIP_CHANCE = 0.5;

/** The town, which household each camera and each account belongs to, and the engine's log. */
export interface SimulationResult {
  town: Town;
  cameraOwners: Map<string, number>;
  ownerHouseholds: Map<string, number>;
  log: RunLog;
  pilot: PilotReport | null;
}

/** Progress as the run moves through its days. */
export type ProgressListener = (day: number, simulatedDate: string, eventsSoFar: number) => void;

/**
 * One run of a scenario under one policy: a discrete-event simulation on the product's shared
 * clock. The clock is frozen at each event's instant, the event goes through the same services
 * the api uses, and then the worker's pipelines (outbox handlers, notification batches) are
 * drained; at the end of each simulated day a clock tick runs the due tasks (expiry, reminders,
 * retention) and what they set going is drained too. The pipelines are inline (PIPELINES=inline):
 * they run only when drained, so nothing depends on timing. Chance comes from seeded streams only.
 */
export class Simulation {
  private readonly queue = new EventQueue<SimEvent>();
  private readonly log: RunLog;
  private readonly streams: ReturnType<typeof randomStreams>;
  private readonly start: number;
  private town!: Town;
  private nearby!: HouseholdsNearby;
  private policy!: Policy;
  private admin!: AuthUser;
  private moderator!: AuthUser;
  private officers = new Map<number, AuthUser[]>();
  private agencyIds = new Map<number, string>();
  private residentIds = new Map<number, string>();
  private householdOfOwner = new Map<string, Household>();
  private cameraOf = new Map<number, string>();
  private events = 0;

  constructor(
    private readonly app: SimApp,
    private readonly scenario: Scenario,
    private readonly profile: ProfileName,
    private readonly onProgress: ProgressListener = () => undefined,
    private readonly signal?: AbortSignal,
  ) {
    this.streams = randomStreams(scenario.seed);
    this.start = Date.parse(`${scenario.start}T00:00:00Z`);
    this.log = new RunLog(scenario, this.start);
  }

  private get dataSource(): DataSource {
    return this.app.api.get<DataSource>(getDataSourceToken());
  }

  /** What a run leaves for its measures. */
  async run(): Promise<SimulationResult> {
    this.town = planTown(this.scenario, this.streams.town);
    this.nearby = new HouseholdsNearby(this.town.households);
    await this.freeze(this.start - DAY_MS);
    await this.setUp();
    const incidents = planIncidents(this.scenario, this.town, this.streams.incidents);
    const pilot = this.planPilot(incidents);
    for (const incident of incidents) this.queue.schedule(incident.at, { kind: 'incident', incident });
    this.planPrivacyChanges();
    if (this.scenario.feed) {
      const posts = planPosts(this.start, this.scenario.durationDays, this.town.households.length, this.scenario.feed, this.streams.feed);
      posts.forEach((post, index) => this.queue.schedule(post.at, { kind: 'post', post, index }));
    }
    for (let day = 0; day < this.scenario.durationDays; day++) {
      this.signal?.throwIfAborted();
      const dayStart = this.start + day * DAY_MS;
      await this.freeze(dayStart);
      await this.installCameras(day, dayStart);
      for (let next = this.queue.takeBefore(dayStart + DAY_MS); next; next = this.queue.takeBefore(dayStart + DAY_MS)) {
        this.signal?.throwIfAborted();
        await this.freeze(next.at);
        await this.handle(next.event, next.at);
        await this.drain();
        this.events++;
      }
      await this.freeze(dayStart + DAY_MS);
      await this.settle();
      await this.refreshStatistics(day);
      await this.log.endOfDay(this.dataSource, day);
      this.onProgress(day + 1, new Date(dayStart).toISOString().slice(0, 10), this.events);
    }
    const cameraOwners = new Map([...this.cameraOf].map(([household, camera]) => [camera, household]));
    const ownerHouseholds = new Map([...this.residentIds].map(([household, owner]) => [owner, household]));
    return { town: this.town, cameraOwners, ownerHouseholds, log: this.log, pilot };
  }

  /** Owners changing a setting over the run (SIMULATOR.md, "Owners"): a Poisson process over the town. */
  private planPrivacyChanges(): void {
    const perDay = (this.scenario.owners.privacyChangesPerYear * this.town.households.length) / 365;
    if (perDay === 0) return;
    const stream = this.streams.privacy;
    for (let day = stream.exponential(perDay); day < this.scenario.durationDays; day += stream.exponential(perDay)) {
      const household = stream.pick(this.town.households);
      const change = stream.chance(0.5) ? { policeRequests: 'block' as const } : { retentionDays: 7 + stream.index(174) };
      this.queue.schedule(this.start + Math.round((day * DAY_MS) / MINUTE_MS) * MINUTE_MS, { kind: 'privacy', household, change });
    }
  }

  /** A camera pilot where the scenario has one: chosen from the incidents before it, cameras planned for its first day. */
  private planPilot(incidents: Incident[]): PilotReport | null {
    const { pilot } = this.scenario;
    if (!pilot) return null;
    const neighbourhood = pilotNeighbourhood(pilot, incidents, this.town, this.start);
    const installed = installPilotCameras(pilot, neighbourhood, this.town.households, keyedStream(this.scenario.seed, 'pilot'));
    return pilotReport(pilot, neighbourhood, incidents, this.town, this.start, this.scenario.durationDays, installed);
  }

  private async freeze(at: number): Promise<void> {
    await this.app.api.get(Clock).freezeAt(new Date(at));
  }

  /**
   * The run's tables grow from empty to a year's worth in a minute, far faster than autovacuum
   * (which wakes once a minute) refreshes their statistics; plans made from a nearly empty
   * table's figures, kept by prepared statements, then read a large one row by row. So the run
   * analyses its database each time its tables may have grown fourfold: after days 1, 4, 16, 64, 256.
   */
  private async refreshStatistics(day: number): Promise<void> {
    if (Number.isInteger(Math.log2(day + 1) / 2)) await this.dataSource.query('ANALYZE');
  }

  /** The day's due tasks, run as the worker's clock tick runs them, and then their consequences. */
  private async settle(): Promise<void> {
    await this.app.worker.get(DueTaskRunner).tick();
    await this.drain();
  }

  /** Everything the worker's pipelines have to do, done now, in a fixed order. */
  private async drain(): Promise<void> {
    await this.app.worker.get(Pipelines).drain();
  }

  /** The policy, the platform's staff, the agencies and their officers, and every household (bulk). */
  private async setUp(): Promise<void> {
    const users = this.app.api.get(UsersService);
    const adminEntity = await users.ensureAdmin();
    this.admin = asAuthUser(adminEntity);
    await this.app.api.get(PolicyChanges).update(`user:${this.admin.id}`, { profile: this.profile });
    this.policy = await this.app.api.get(PolicyService).active();
    const password = 'simulated-resident-password';
    this.moderator = asAuthUser(
      await users.createStaff(this.admin, { email: `moderator@${this.scenario.name}.sim`, password, displayName: 'Moderator', role: 'moderator' }),
    );
    const agencies = this.app.api.get(AgenciesService);
    for (const agency of this.town.agencies) {
      const created = await agencies.create(this.admin, {
        name: agency.name,
        kind: agency.kind,
        city: this.scenario.title.slice(0, 80),
        state: 'NA',
        zip: '00000',
        partnerSince: agency.partnerSince,
        jurisdiction: agency.jurisdiction,
      });
      this.agencyIds.set(agency.index, created.id);
      const officers: AuthUser[] = [];
      for (let n = 0; n < agency.officers; n++) {
        const member = await agencies.addMember(this.admin, created.id, {
          email: `officer-${n}@agency-${agency.index}.${this.scenario.name}.sim`,
          password,
          displayName: `Officer ${n + 1}`,
          role: 'officer',
        });
        officers.push(asAuthUser(member));
      }
      this.officers.set(agency.index, officers);
    }
    const now = new Date(this.start - DAY_MS);
    const passwordHash = await hash(password, { type: argon2id });
    await this.dataSource.transaction(async (manager) => {
      const ids = await insertResidents(manager, this.town.households, passwordHash, now);
      for (const household of this.town.households) {
        const id = ids.get(household.email)!;
        this.residentIds.set(household.index, id);
        this.householdOfOwner.set(id, household);
      }
      const chose = this.town.households.filter((household) => household.policeRequests !== null || household.endToEndEncryption);
      await insertPrivacyChoices(
        manager,
        chose.map((household) => ({
          userId: this.residentIds.get(household.index)!,
          policeRequests: household.policeRequests,
          retentionDays: null,
          endToEndEncryption: household.endToEndEncryption,
        })),
        now,
      );
    });
  }

  /** The cameras households put up on this day, in one statement. */
  private async installCameras(day: number, at: number): Promise<void> {
    const installed = this.town.households.filter((household) => household.installDay === day);
    if (installed.length === 0) return;
    const cameras = installed.map((household) => {
      const id = randomUUID();
      this.cameraOf.set(household.index, id);
      return { id, ownerId: this.residentIds.get(household.index)!, label: 'Front door', location: household.location };
    });
    await this.dataSource.transaction((manager) => insertCameras(manager, cameras, new Date(at)));
    this.log.camerasInstalled(installed.length);
  }

  private async handle(event: SimEvent, at: number): Promise<void> {
    switch (event.kind) {
      case 'incident':
        return this.onIncident(event.incident, at);
      case 'request':
        return this.onRequest(event.incident, event.shape, event.attempt, at);
      case 'review':
        return this.onReview(event.incident, event.requestId, at);
      case 'answer':
        return this.onAnswer(event, at);
      case 'withdraw':
        return this.onWithdraw(event.household, event.consentId);
      case 'override':
        return this.onOverride(event.incident, event.requestId, event.basis, at);
      case 'override-decision':
        return this.onOverrideDecision(event.incident, event.overrideId, event.basis);
      case 'privacy':
        await this.app.api.get(PrivacyService).update(this.residentIds.get(event.household.index)!, event.change);
        return this.log.privacyChanged('policeRequests' in event.change ? 'optedOut' : 'retentionChanged');
      case 'post':
        return this.onPost(event.post, event.index, at);
      case 'report':
        return this.onReport(event.postId, event.reader);
      case 'moderate':
        return this.onModerate(event.postId, event.post, event.index);
    }
  }

  /**
   * The cameras near the home record what they can: a clip covering the incident where one is close
   * enough to see it, and some motion in the hours around it within reach of a request; then police
   * may ask for footage.
   */
  private async onIncident(incident: Incident, at: number): Promise<void> {
    const { police } = this.scenario;
    const clips: NewClip[] = [];
    const covering: string[] = [];
    for (const household of this.nearby.within(incident.location, police.radiusMeters.max)) {
      const cameraId = this.cameraOf.get(household.index);
      if (!cameraId) continue;
      const distance = metersBetween(household.location, incident.location);
      const stream = keyedStream(this.scenario.seed, 'clips', incident.index, household.index);
      if (distance <= this.scenario.cameraSeesIncidentMeters) {
        const id = randomUUID();
        covering.push(id);
        clips.push({ id, cameraId, startedAt: new Date(at - MINUTE_MS), endedAt: new Date(at + 2 * MINUTE_MS), trigger: 'motion' });
      }
      if (stream.chance(BACKGROUND_CLIP_CHANCE)) {
        const startedAt = Math.round(stream.between(at - police.windowHours.before * HOUR_MS, at + police.windowHours.after * HOUR_MS));
        clips.push({ id: randomUUID(), cameraId, startedAt: new Date(startedAt), endedAt: new Date(startedAt + Math.round(stream.between(30, 90)) * 1000), trigger: 'motion' });
      }
    }
    if (clips.length > 0) await this.dataSource.transaction((manager) => insertClips(manager, clips, new Date(at)));
    this.log.incident(incident, covering);

    const decisions = keyedStream(this.scenario.seed, 'police', incident.index);
    if (!decisions.chance(incident.type.requestProbability)) return;
    const delay = decisions.between(police.delayHours.min, police.delayHours.max) * HOUR_MS;
    const shape: RequestShape = {
      radiusMeters: Math.round(decisions.between(police.radiusMeters.min, police.radiusMeters.max)),
      windowStart: at - Math.round(police.windowHours.before * 60) * MINUTE_MS,
      windowEnd: at + Math.round(police.windowHours.after * 60) * MINUTE_MS,
    };
    this.queue.schedule(at + Math.round(delay / MINUTE_MS) * MINUTE_MS, { kind: 'request', incident, shape, attempt: 1 });
  }

  /**
   * An officer of the agency whose strip holds the incident asks, once the agency is a partner;
   * a refusal may be retried once within the rule.
   */
  private async onRequest(incident: Incident, shape: RequestShape, attempt: number, at: number): Promise<void> {
    if (at < Date.parse(`${this.agencyOf(incident).partnerSince}T00:00:00Z`)) return this.log.notPartnerYet();
    const stream = keyedStream(this.scenario.seed, 'officer', incident.index, attempt);
    const officer = stream.pick(this.officersFor(incident));
    try {
      const request = await this.app.api.get(RequestsService).create(officer, {
        caseNumber: `SIM-${incident.index}`,
        incidentType: incident.type.type,
        description: `${incident.type.type} reported at a home; footage from nearby cameras requested`,
        // A window cannot end after the request is made.
        window: { start: new Date(shape.windowStart).toISOString(), end: new Date(Math.min(shape.windowEnd, at)).toISOString() },
        area: { center: incident.location, radiusMeters: shape.radiusMeters },
      });
      this.log.requestMade(incident, request.id, attempt);
      if (request.status === 'pending-review') {
        const review = keyedStream(this.scenario.seed, 'review', incident.index);
        this.queue.schedule(at + Math.round(this.scenario.police.reviewDelayHours * (0.5 + review.next())) * HOUR_MS, { kind: 'review', incident, requestId: request.id });
      } else {
        await this.askOwners(incident, request.id, at);
      }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const retry = attempt === 1 && stream.chance(this.scenario.police.retryAfterRefusal) ? fitToRule(error.code, shape, incident.at, this.policy) : null;
      this.log.requestRefused(error.code, retry !== null);
      if (retry) this.queue.schedule(at + 10 * MINUTE_MS, { kind: 'request', incident, shape: retry, attempt: attempt + 1 });
    }
  }

  private async onReview(incident: Incident, requestId: string, at: number): Promise<void> {
    const approve = keyedStream(this.scenario.seed, 'review', incident.index, 'decision').chance(this.scenario.police.reviewApproval);
    await this.app.api.get(RequestsService).decide(this.moderator, requestId, { approve, reason: approve ? 'Case checked' : 'Not enough to go on' });
    this.log.reviewed(approve);
    if (approve) await this.askOwners(incident, requestId, at);
  }

  /**
   * Each owner the request reached decides, from their own stream, whether and when to answer;
   * the officer may also claim the footage without consent, by emergency or warrant.
   */
  private async askOwners(incident: Incident, requestId: string, openedAt: number): Promise<void> {
    this.planOverrides(incident, requestId, openedAt);
    const rows: { owner_id: string }[] = await this.dataSource.query('SELECT owner_id FROM requests_recipient WHERE request_id = $1', [requestId]);
    const asked = rows.map((row) => this.householdOfOwner.get(row.owner_id)!).sort((a, b) => a.index - b.index);
    for (const household of asked) {
      const stream = keyedStream(this.scenario.seed, 'answer', incident.index, household.index);
      const answer = planAnswer(household.kind, incident.type.serious, this.scenario.owners, this.policy.reminderOffsetsSeconds, stream);
      if (answer) this.queue.schedule(openedAt + Math.round(answer.afterMs / MINUTE_MS) * MINUTE_MS, { kind: 'answer', incident, requestId, household, decision: answer.decision });
    }
  }

  private planOverrides(incident: Incident, requestId: string, openedAt: number): void {
    const { police } = this.scenario;
    const stream = keyedStream(this.scenario.seed, 'override', incident.index);
    const claims: [OverrideBasis, number][] = [
      ['emergency', police.emergencyOverridePerRequest],
      ['warrant', police.warrantPerRequest],
    ];
    for (const [basis, chance] of claims) {
      // Both draws always happen, so one basis's odds do not shift the other's.
      const claimed = stream.chance(chance);
      const afterHours = basis === 'emergency' ? stream.between(1, 6) : stream.between(24, 96);
      if (claimed) this.queue.schedule(openedAt + Math.round(afterHours * 60) * MINUTE_MS, { kind: 'override', incident, requestId, basis });
    }
  }

  private async onOverride(incident: Incident, requestId: string, basis: OverrideBasis, at: number): Promise<void> {
    const officer = keyedStream(this.scenario.seed, 'override-officer', incident.index).pick(this.officersFor(incident));
    try {
      const override = await this.app.api.get(OverridesService).create(officer, {
        requestId,
        basis,
        justification: basis === 'emergency' ? 'A life may be at risk: footage needed now' : 'Court order for the footage of this window',
        ...(basis === 'warrant' ? { warrantReference: `WARRANT-${incident.index}` } : {}),
      });
      this.log.overrideRequested(basis, override.status);
      if (override.status === 'pending') {
        this.queue.schedule(at + Math.round(this.scenario.police.reviewDelayHours * 60) * MINUTE_MS, { kind: 'override-decision', incident, overrideId: override.id, basis });
      }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.log.overrideRefused(basis, error.code);
    }
  }

  private async onOverrideDecision(incident: Incident, overrideId: string, basis: OverrideBasis): Promise<void> {
    const approve = keyedStream(this.scenario.seed, 'override-decision', incident.index, basis).chance(this.scenario.police.overrideApproval);
    await this.app.api.get(OverridesService).decide(this.moderator, overrideId, {
      approve,
      reason: approve ? 'Meets the bar for disclosure' : 'Not enough to override consent',
      ...(basis === 'warrant' ? { warrantChecked: true } : {}),
    });
    this.log.overrideDecided(basis, approve);
  }

  /**
   * A neighbour posts. Where the policy screens descriptions by race alone, such a post is held
   * for a moderator; once published, its readers may report it, and a reported or held post is
   * reviewed after the scenario's delay.
   */
  private async onPost(post: PlannedPost, index: number, at: number): Promise<void> {
    const feed = this.scenario.feed!;
    const author = this.town.households[post.author]!;
    const created = await this.app.api.get(FeedService).create(this.resident(author), {
      category: post.category,
      title: post.title,
      body: post.body,
      location: author.location,
    });
    this.log.posted(post.raceOnly, created.status);
    const stream = keyedStream(this.scenario.seed, 'readers', index);
    let reported = false;
    if (created.status === 'published' && post.raceOnly) {
      for (let reader = 0; reader < feed.readersPerPost; reader++) {
        const household = this.town.households[stream.index(this.town.households.length)]!;
        const reports = stream.chance(feed.reportProbability);
        const afterMinutes = Math.round(stream.between(5, 12 * 60));
        if (!reports || household.index === author.index) continue;
        reported = true;
        this.queue.schedule(at + afterMinutes * MINUTE_MS, { kind: 'report', postId: created.id, reader: household });
      }
    }
    if (created.status === 'held' || reported) {
      this.queue.schedule(at + Math.round(feed.moderationDelayHours * 60) * MINUTE_MS, { kind: 'moderate', postId: created.id, post, index });
    }
  }

  private async onReport(postId: string, reader: Household): Promise<void> {
    try {
      await this.app.api.get(FeedService).report(this.resident(reader), postId, { reason: 'profiling' });
    } catch (error) {
      // The same neighbour drawn twice, or the post already taken down: nothing more to report.
      if (!(error instanceof DomainError)) throw error;
    }
  }

  private async onModerate(postId: string, post: PlannedPost, index: number): Promise<void> {
    const removes = post.raceOnly && keyedStream(this.scenario.seed, 'moderation', index).chance(this.scenario.feed!.moderatorRemovesRaceOnly);
    await this.app.api.get(FeedService).decide(this.moderator, postId, {
      action: removes ? 'remove' : 'keep',
      reason: removes ? 'Describes a person by race alone' : 'Within the community guidelines',
    });
  }

  private async onAnswer(event: Extract<SimEvent, { kind: 'answer' }>, at: number): Promise<void> {
    const owner = this.resident(event.household);
    try {
      const receipt = await this.app.api.get(ConsentService).respond(owner, event.requestId, { decision: event.decision });
      if (event.decision === 'share') this.maybeWithdrawLater(event, receipt.receiptId, at);
    } catch (error) {
      // Too late: the request expired or was closed before the owner got to it.
      if (!(error instanceof DomainError)) throw error;
      this.log.answerRefused(error.code);
    }
  }

  private maybeWithdrawLater(event: Extract<SimEvent, { kind: 'answer' }>, consentId: string, at: number): void {
    const stream: RandomStream = keyedStream(this.scenario.seed, 'withdraw', event.incident.index, event.household.index);
    if (stream.chance(this.scenario.owners.withdrawProbability)) {
      this.queue.schedule(at + Math.round(stream.between(1, 7 * 24)) * HOUR_MS, { kind: 'withdraw', household: event.household, consentId });
    }
  }

  private async onWithdraw(household: Household, consentId: string): Promise<void> {
    await this.app.api.get(ConsentService).withdraw(this.resident(household), consentId);
  }

  /** The agency whose strip of the town holds the incident. */
  private agencyOf(incident: Incident): PlannedAgency {
    return this.town.agencies.find((candidate) => incident.location.lng >= candidate.westLng && incident.location.lng <= candidate.eastLng) ?? this.town.agencies[0]!;
  }

  private officersFor(incident: Incident): AuthUser[] {
    return this.officers.get(this.agencyOf(incident).index)!;
  }

  private resident(household: Household): AuthUser {
    return {
      id: this.residentIds.get(household.index)!,
      email: household.email,
      displayName: household.displayName,
      role: 'resident',
      agencyId: null,
      createdAt: new Date(this.start - DAY_MS),
    };
  }
}

/** An account as the services take their caller: without the password hash. */
function asAuthUser(user: { id: string; email: string; displayName: string; role: AuthUser['role']; agencyId: string | null; createdAt: Date }): AuthUser {
  return { id: user.id, email: user.email, displayName: user.displayName, role: user.role, agencyId: user.agencyId, createdAt: user.createdAt };
}
