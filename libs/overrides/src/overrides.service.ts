import { randomUUID } from 'node:crypto';
import { AuditService } from '@app/audit';
import { actorOf, type AuthUser } from '@app/auth';
import { AreaCamerasService, MAX_RECORDING_SECONDS } from '@app/cameras';
import { Clock } from '@app/clock';
import { encodePageCursor, keysetPage, parseCursor } from '@app/database';
import { OutboxService } from '@app/outbox';
import { checkWarrantPath, enforce, PolicyService } from '@app/policy';
import { RequestsService } from '@app/requests';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { approvalTerms, claimableThrough, decisionProblem, grantedOnTheSpot, inTransparencyReport, pseudonymNumbers, type OverrideBasis, type OverrideStatus } from './domain/override.js';
import {
  CamerasOutsideAreaError,
  OverrideAlreadyDecidedError,
  OverrideNotFoundError,
  RequestNotApprovedError,
  WarrantReferenceRequiredError,
  WarrantUncheckedError,
} from './overrides.errors.js';
import { OVERRIDE_APPROVED, OVERRIDE_OWNERS_TOLD, OVERRIDE_REFUSED, OVERRIDE_REQUESTED } from './overrides.events.js';
import { OverridesRepository, type OpenedRecording, type OverrideView } from './overrides.repository.js';

export interface OverrideInput {
  requestId: string;
  basis: OverrideBasis;
  justification: string;
  warrantReference?: string;
  /** Without them, every camera in the request's area. */
  cameraIds?: string[];
}

export interface DecisionInput {
  approve: boolean;
  reason: string;
  warrantChecked?: boolean;
}

export interface OverridePage {
  items: OverrideView[];
  nextCursor: string | null;
}

/** Who decided: the platform on its own, or a moderator (never which one: staff ids stay internal). */
export const SYSTEM_DECIDER = 'system';

@Injectable()
export class OverridesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly overrides: OverridesRepository,
    private readonly requests: RequestsService,
    private readonly areaCameras: AreaCamerasService,
    private readonly policy: PolicyService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * An officer claims footage of the request's window without consent: every camera in its area
   * (or those named), whatever their owners answered or chose — except end-to-end encrypted ones,
   * which the platform cannot open. Under `platform-alone` an emergency is granted at once.
   */
  create(officer: AuthUser, input: OverrideInput): Promise<OverrideView> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.requests.get(officer, input.requestId, manager);
      if (!claimableThrough(request.status)) throw new RequestNotApprovedError(request.status);
      const policy = await this.policy.active(manager);
      const now = await this.clock.now(manager);
      if (input.basis === 'warrant') {
        enforce(checkWarrantPath(policy));
        if ((input.warrantReference ?? '').trim() === '') throw new WarrantReferenceRequiredError();
      }
      const inArea = await this.areaCameras.within(request.area, manager);
      const named = input.cameraIds === undefined ? null : [...new Set(input.cameraIds)];
      const outside = (named ?? []).filter((id) => !inArea.some((camera) => camera.cameraId === id));
      if (outside.length > 0) throw new CamerasOutsideAreaError(outside);
      const chosen = named === null ? inArea : inArea.filter((camera) => named.includes(camera.cameraId));
      const reachable = chosen.filter((camera) => !camera.ownerE2ee).map((camera) => camera.cameraId);

      const id = randomUUID();
      await this.overrides.insert(
        manager,
{
          id,
          requestId: request.id,
          agencyId: request.agencyId,
          officerId: officer.id,
          basis: input.basis,
          justification: input.justification,
          warrantReference: input.warrantReference ?? null,
          cameraIds: named,
          excludedEncrypted: chosen.length - reachable.length,
          reportedWhenRequested: inTransparencyReport(input.basis, policy),
          createdAt: now,
        });
      await this.overrides.lockRequestNumbers(manager, request.id);
      const recordings = await this.overrides.recordingsInWindow(manager, reachable, { start: request.windowStart, end: request.windowEnd }, MAX_RECORDING_SECONDS);
      const numbers = pseudonymNumbers(
        recordings.map((recording) => recording.ownerId),
        await this.overrides.knownNumbers(manager, request.id),
      );
      await this.overrides.insertReach(manager, id, numbers, recordings);
      await this.audit.record(manager, {
        actor: actorOf(officer),
        action: OVERRIDE_REQUESTED,
        subject: `override:${id}`,
        data: {
          requestId: request.id,
          agencyId: request.agencyId,
          basis: input.basis,
          justification: input.justification,
          warrantReference: input.warrantReference ?? null,
          cameraIds: named,
          owners: numbers.size,
          recordings: recordings.length,
          inTransparencyReport: inTransparencyReport(input.basis, policy),
          policy: policy.profile,
        },
      });
      if (grantedOnTheSpot(input.basis, policy)) {
        // Granted by the platform alone: nobody else is asked, and the record says so.
        await this.decideIn(manager, id, input.basis, SYSTEM_DECIDER, { approve: true, reason: 'Granted by the platform alone (emergency)' }, now);
      }
      return (await this.overrides.view(manager, id))!;
    });
  }

  /** A moderator's decision, once; the policy in force now fixes what an approval means. */
  decide(moderator: AuthUser, id: string, decision: DecisionInput): Promise<OverrideView> {
    return this.dataSource.transaction(async (manager) => {
      const override = await this.overrides.find(manager, id, { forUpdate: true });
      if (!override) throw new OverrideNotFoundError();
      const problem = decisionProblem(override, decision);
      if (problem === 'already-decided') throw new OverrideAlreadyDecidedError(override.status);
      if (problem === 'warrant-unchecked') throw new WarrantUncheckedError();
      await this.decideIn(manager, id, override.basis, actorOf(moderator), decision, await this.clock.now(manager));
      return (await this.overrides.view(manager, id))!;
    });
  }

  private async decideIn(manager: EntityManager, id: string, basis: OverrideBasis, actor: string, decision: DecisionInput, now: Date): Promise<void> {
    const policy = await this.policy.active(manager);
    const terms = decision.approve ? approvalTerms(basis, policy, now) : null;
    const reported = inTransparencyReport(basis, policy);
    const warrantChecked = basis === 'warrant' ? decision.warrantChecked === true : null;
    await this.overrides.decide(manager, id, {
      status: decision.approve ? 'approved' : 'refused',
      decidedBy: actor === SYSTEM_DECIDER ? 'system' : 'moderator',
      decidedAt: now,
      reason: decision.reason,
      warrantChecked,
      inTransparencyReport: reported,
      terms,
    });
    await this.audit.record(manager, {
      actor,
      action: decision.approve ? OVERRIDE_APPROVED : OVERRIDE_REFUSED,
      subject: `override:${id}`,
      data: {
        basis,
        reason: decision.reason,
        warrantChecked,
        policy: policy.profile,
        inTransparencyReport: reported,
        ...(terms && { shownAs: terms.shownAs, ownerNoticeSeconds: terms.ownerNoticeSeconds }),
      },
    });
  }

  /**
   * Owners an approved override reached are told when the notice period the policy set at approval
   * ends (the latest it allows): through the outbox, so the notice reaches inbox and socket like
   * any other, and on the record. Idempotent: a told override is marked in the same transaction.
   */
  async tellOwnersDue(now: Date, manager: EntityManager): Promise<void> {
    await manager.transaction(async (tx) => {
      for (const due of await this.overrides.noticesDue(tx, now)) {
        await this.outbox.publish(tx, OVERRIDE_OWNERS_TOLD, { overrideId: due.id, requestId: due.requestId, agencyId: due.agencyId });
        await this.audit.record(tx, { actor: SYSTEM_DECIDER, action: OVERRIDE_OWNERS_TOLD, subject: `override:${due.id}`, data: { requestId: due.requestId } });
        await this.overrides.markOwnersTold(tx, due.id, now);
      }
    });
  }

  /** The moderation queue for one status, oldest first. */
  async list(status: OverrideStatus, limit: number, cursor?: string): Promise<OverridePage> {
    const rows = await this.overrides.page(this.dataSource.manager, status, parseCursor(cursor), limit + 1);
    return keysetPage(rows, limit, (last) => encodePageCursor({ at: last.createdAt, id: last.id }));
  }

  /**
   * The narrow door consent's footage goes through: what approved overrides of the request opened,
   * in the caller's transaction. The caller has checked that the request is the officer's agency's.
   */
  opened(manager: EntityManager, requestId: string, recordingId?: string): Promise<OpenedRecording[]> {
    return this.overrides.opened(manager, requestId, recordingId);
  }
}
