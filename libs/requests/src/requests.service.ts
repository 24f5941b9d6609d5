import { actorOf, type AuthUser } from '@app/auth';
import { encodePageCursor, keysetPage, parseCursor } from '@app/database';
import { AuditService } from '@app/audit';
import { AreaCamerasService } from '@app/cameras';
import { Clock } from '@app/clock';
import { areaSquareMeters, type Area } from '@app/geo';
import { OutboxService } from '@app/outbox';
import {
  checkAgencyEligible,
  checkAreaSize,
  checkCaseNumber,
  checkDeletion,
  checkOpenRequestsPerCase,
  checkPurpose,
  checkWindow,
  effectivePoliceRequests,
  enforce,
  PolicyService,
  type Policy,
} from '@app/policy';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { audienceOf } from './domain/audience.js';
import type { ConsentState, ListedStatus } from './domain/request.js';
import { AgencyMembershipRequiredError, AreaOutsideJurisdictionError, RequestAlreadyReviewedError, RequestNotFoundError, RequestNotOpenError } from './requests.errors.js';
import {
  REQUEST_APPROVED,
  REQUEST_CLOSED,
  REQUEST_CREATED,
  REQUEST_DELETED,
  REQUEST_EXPIRED,
  REQUEST_POSTED,
  REQUEST_REFUSED,
  REQUEST_REMINDED,
} from './requests.events.js';
import { RequestsRepository, type RequestView } from './requests.repository.js';

export interface RequestInput {
  caseNumber: string;
  incidentType: string;
  description: string;
  window: { start: string; end: string };
  area: Area;
}

export interface RequestPage {
  items: RequestView[];
  nextCursor: string | null;
}

/** An officer's agency: the CHECK on app_user guarantees one, this keeps the type honest. */
function agencyOf(user: AuthUser): string {
  if (user.agencyId === null) throw new AgencyMembershipRequiredError();
  return user.agencyId;
}

/** Police footage requests: policy-checked creation with matching, listing, closing, deleting. */
@Injectable()
export class RequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: RequestsRepository,
    private readonly areaCameras: AreaCamerasService,
    private readonly policy: PolicyService,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Checks the active policy (422 with the rule's code: the agency's kind first), the
   * jurisdiction, and the open requests of the case under a lock; then writes the request, finds
   * the cameras in its area (the area
   * match), writes the recipients and offers (one statement), the outbox event and the audit
   * event, all in one transaction.
   */
  create(user: AuthUser, input: RequestInput): Promise<RequestView> {
    const agencyId = agencyOf(user);
    const caseNumber = input.caseNumber.trim();
    const window = { start: new Date(input.window.start), end: new Date(input.window.end) };
    return this.dataSource.transaction(async (manager) => {
      const policy = await this.policy.active(manager);
      const now = await this.clock.now(manager);
      enforce(checkAgencyEligible(policy, await this.requests.agencyKind(manager, agencyId)));
      enforce(checkCaseNumber(policy, caseNumber));
      enforce(checkPurpose(policy, input));
      enforce(checkWindow(policy, window, now));
      const size = await areaSquareMeters(manager, input.area);
      enforce(checkAreaSize(policy, size));
      if (!(await this.requests.intersectsJurisdiction(manager, agencyId, input.area))) {
        throw new AreaOutsideJurisdictionError();
      }
      await this.requests.lockCase(manager, agencyId, caseNumber);
      enforce(checkOpenRequestsPerCase(policy, await this.requests.countOpenForCase(manager, agencyId, caseNumber, now)));

      const id = await this.requests.insert(manager, {
        agencyId,
        officerId: user.id,
        caseNumber,
        incidentType: input.incidentType,
        description: input.description,
        windowStart: window.start,
        windowEnd: window.end,
        area: input.area,
        areaSquareMeters: size,
        policyProfile: policy.profile,
        delivery: policy.requestDelivery,
        expiresAt: new Date(now.getTime() + policy.requestExpirySeconds * 1000),
        createdAt: now,
        status: policy.requestReview ? 'pending-review' : 'open',
      });
      const created = { agencyId, caseNumber, policy: policy.profile, delivery: policy.requestDelivery };
      // Under review it reaches nobody yet: a moderator's approval asks the owners (decide).
      const reached = policy.requestReview ? { review: 'pending' } : await this.reach(manager, id, agencyId, input.area, window, policy.requestDelivery, policy, now);
      await this.audit.record(manager, { actor: actorOf(user), action: REQUEST_CREATED, subject: `request:${id}`, data: { ...created, ...reached } });
      return (await this.requests.findForAgency(manager, agencyId, id))!;
    });
  }

  /**
   * A moderator's review, once (409 after): an approval opens the request now — the owners in its
   * area are asked, it is posted where its delivery says, and its expiry counts from now; a refusal
   * reaches nobody, and the officer sees the reason.
   */
  decide(moderator: AuthUser, id: string, decision: { approve: boolean; reason: string }): Promise<RequestView> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.requests.lockForReview(manager, id);
      if (!request) throw new RequestNotFoundError();
      if (request.status !== 'pending-review') throw new RequestAlreadyReviewedError(request.status);
      const now = await this.clock.now(manager);
      const subject = `request:${id}`;
      if (decision.approve) {
        const policy = await this.policy.active(manager);
        await this.requests.approve(manager, id, { reason: decision.reason, at: now, expiresAt: new Date(now.getTime() + policy.requestExpirySeconds * 1000) });
        const window = { start: request.windowStart, end: request.windowEnd };
        const reached = await this.reach(manager, id, request.agencyId, request.area, window, request.delivery, policy, now);
        await this.audit.record(manager, { actor: actorOf(moderator), action: REQUEST_APPROVED, subject, data: { reason: decision.reason, policy: policy.profile, ...reached } });
      } else {
        await this.requests.refuse(manager, id, { reason: decision.reason, at: now });
        await this.audit.record(manager, { actor: actorOf(moderator), action: REQUEST_REFUSED, subject, data: { reason: decision.reason } });
      }
      return (await this.requests.findForAgency(manager, request.agencyId, id))!;
    });
  }

  /** Requests waiting for a moderator, oldest first. */
  async pendingReview(limit: number, cursor?: string): Promise<RequestPage> {
    const rows = await this.requests.pendingReview(this.dataSource.manager, parseCursor(cursor), limit + 1);
    return keysetPage(rows, limit, (last) => encodePageCursor({ at: last.createdAt, id: last.id }));
  }

  /**
   * Asks the owners in the area (the area match, then recipients and offers in one statement),
   * announces the request — to them, and as a public post where its delivery says so — and
   * keeps the policy's terms for them: reminders from `openedAt`, notice channels, and what the
   * agency may see of owners who do not answer.
   */
  private async reach(
    manager: EntityManager,
    id: string,
    agencyId: string,
    area: Area,
    window: { start: Date; end: Date },
    delivery: string,
    policy: Policy,
    openedAt: Date,
  ) {
    const audience = audienceOf(await this.areaCameras.within(area, manager), effectivePoliceRequests(null, policy));
    const { notified, offered, ...excluded } = await this.requests.match(manager, id, window, audience);
    await this.requests.fixOwnerTerms(manager, id, policy, openedAt);
    await this.outbox.publish(manager, REQUEST_CREATED, { requestId: id, agencyId });
    if (delivery === 'public-post') await this.outbox.publish(manager, REQUEST_POSTED, { requestId: id, agencyId });
    return { notified, offered, excluded };
  }

  /**
   * The owner's answer, as the request's recipient list keeps it: `request_recipient` is this
   * context's table, so consent changes it through here, in its own transaction.
   */
  recordAnswer(manager: EntityManager, answer: { requestId: string; ownerId: string; state: ConsentState; at: Date }): Promise<void> {
    return this.requests.setRecipientState(manager, answer.requestId, answer.ownerId, answer.state, answer.at);
  }

  /** Another agency's request, or a deleted one, answers exactly like a missing one. */
  async get(user: AuthUser, id: string, manager?: EntityManager): Promise<RequestView> {
    const request = await this.requests.findForAgency(manager ?? this.dataSource.manager, agencyOf(user), id);
    if (!request) throw new RequestNotFoundError();
    return request;
  }

  /** The agency's requests, newest first; `cursor` is the previous page's nextCursor. */
  async list(user: AuthUser, status: ListedStatus | undefined, limit: number, cursor?: string): Promise<RequestPage> {
    const rows = await this.requests.page(agencyOf(user), status, parseCursor(cursor), limit + 1);
    return keysetPage(rows, limit, (last) => encodePageCursor({ at: last.createdAt, id: last.id }));
  }

  /** Resolves an open request: owners can no longer answer it. */
  close(user: AuthUser, id: string): Promise<RequestView> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.lockOwn(manager, user, id);
      if (request.status !== 'open') throw new RequestNotOpenError(request.status);
      await this.requests.setStatus(manager, id, 'closed', await this.clock.now(manager));
      await this.outbox.publish(manager, REQUEST_CLOSED, { requestId: id, agencyId: request.agencyId });
      await this.audit.record(manager, { actor: actorOf(user), action: REQUEST_CLOSED, subject: `request:${id}` });
      return (await this.requests.findForAgency(manager, request.agencyId, id))!;
    });
  }

  /**
   * Where the policy allows it, hides the request from the agency for good. The row stays
   * (status `deleted`): the audit trail, the owners' consent receipts and the transparency
   * counts refer to it, and a hard delete would cascade their records away.
   */
  async remove(user: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const request = await this.lockOwn(manager, user, id);
      enforce(checkDeletion(await this.policy.active(manager)));
      await this.requests.setStatus(manager, id, 'deleted', await this.clock.now(manager));
      await this.outbox.publish(manager, REQUEST_DELETED, { requestId: id, agencyId: request.agencyId });
      await this.audit.record(manager, {
        actor: actorOf(user),
        action: REQUEST_DELETED,
        subject: `request:${id}`,
        data: { statusBefore: request.status },
      });
    });
  }

  /**
   * Reminds the owners who have not answered each open request whose next reminder is due by
   * `now` (the Clock's, through the worker's due task): one outbox event per reminder, so a clock
   * jump over several offsets sends each of them, once.
   */
  remindDue(now: Date, manager: EntityManager = this.dataSource.manager): Promise<void> {
    return manager.transaction(async (tx) => {
      for (let due = await this.requests.takeDueReminders(tx, now); due.length > 0; due = await this.requests.takeDueReminders(tx, now)) {
        for (const { id, agencyId, reminder } of due) await this.outbox.publish(tx, REQUEST_REMINDED, { requestId: id, agencyId, reminder });
      }
    });
  }

  /**
   * Expires every open request past its expiry and its unanswered recipients, by the given
   * time (the Clock's, through the worker's due task); audits each request expired.
   */
  expireDue(now: Date, manager: EntityManager = this.dataSource.manager): Promise<{ id: string; agencyId: string }[]> {
    return manager.transaction(async (tx) => {
      const expired = await this.requests.expireDue(tx, now);
      for (const { id, agencyId } of expired) {
        await this.outbox.publish(tx, REQUEST_EXPIRED, { requestId: id, agencyId });
        await this.audit.record(tx, { actor: 'system', action: REQUEST_EXPIRED, subject: `request:${id}` });
      }
      return expired;
    });
  }

  private async lockOwn(manager: EntityManager, user: AuthUser, id: string): Promise<RequestView> {
    const request = await this.requests.findForAgency(manager, agencyOf(user), id, { forUpdate: true });
    if (!request) throw new RequestNotFoundError();
    return request;
  }
}
