import { randomUUID } from 'node:crypto';
import { AuditService } from '@app/audit';
import { actorOf, type AuthUser } from '@app/auth';
import { Clock } from '@app/clock';
import { AppConfig } from '@app/config';
import { encodePageCursor, keysetPage, parseCursor } from '@app/database';
import { OutboxService } from '@app/outbox';
import { PolicyService, type Policy } from '@app/policy';
import { consentTransition, RequestNotFoundError, RequestNotOpenError, RequestsService } from '@app/requests';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ConsentRepository, type Answerable, type ReceivedRequest } from './consent.repository.js';
import {
  disclosedCategories,
  namesOwner,
  placesOwner,
  RECEIPT_VERSION,
  sealReceipt,
  withdrawnReceipt,
  type ConsentReceipt,
} from './domain/consent-receipt.js';
import { chooseRecordings, type ConsentAnswer } from './domain/share-choice.js';
import { Pseudonyms } from './pseudonyms.js';
import { ConsentAlreadyDecidedError, ConsentNotFoundError, ConsentNotWithdrawableError, ShareChoiceRefusedError } from './consent.errors.js';
import { CONSENT_GIVEN, CONSENT_REFUSED, CONSENT_WITHDRAWN } from './consent.events.js';

export interface ReceivedPage {
  items: ReceivedRequest[];
  nextCursor: string | null;
}

const CONTROLLER = 'Porchlight';

/** Owners' answers to footage requests: consent receipts, withdrawal, and what reached them. */
@Injectable()
export class ConsentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consents: ConsentRepository,
    private readonly requests: RequestsService,
    private readonly policy: PolicyService,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly pseudonyms: Pseudonyms,
    private readonly config: AppConfig,
  ) {}

  /** The requests that reached the owner, newest first, with what was offered and decided. */
  async received(owner: AuthUser, limit: number, cursor?: string): Promise<ReceivedPage> {
    const rows = await this.consents.received(owner.id, parseCursor(cursor), limit + 1);
    return keysetPage(rows, limit, (last) => encodePageCursor({ at: last.createdAt, id: last.id }));
  }

  /**
   * One answer per recipient while the request is open: the decision, exactly the recordings
   * shared, the sealed receipt, the audit event and the outbox event, in one transaction.
   * Nothing is stored when any check fails.
   */
  respond(owner: AuthUser, requestId: string, answer: ConsentAnswer): Promise<ConsentReceipt> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.consents.lockAnswerable(manager, requestId, owner.id);
      if (!request) throw new RequestNotFoundError();
      const now = await this.clock.now(manager);
      // Past its expiry but not yet swept by the worker: as closed as an expired one.
      if (request.status !== 'open') throw new RequestNotOpenError(request.status);
      if (request.expiresAt <= now) throw new RequestNotOpenError('expired');
      const moved = consentTransition(request.consentState, answer.decision === 'share' ? 'give' : 'refuse');
      if (!moved.ok) throw new ConsentAlreadyDecidedError(moved.from);

      const choice = chooseRecordings(answer, await this.consents.offeredIds(manager, requestId, owner.id));
      if (!choice.ok) throw new ShareChoiceRefusedError(choice);
      const policy = await this.policy.active(manager);
      const id = randomUUID();
      const receipt = this.receipt(id, owner, request, answer.decision, choice.recordingIds, policy, now);
      await this.consents.insert(manager, {
        id,
        requestId,
        ownerId: owner.id,
        decision: answer.decision,
        identityDisclosed: namesOwner(receipt.dataCategories),
        addressDisclosed: placesOwner(receipt.dataCategories),
        retentionDays: receipt.retention.days,
        receipt,
        createdAt: now,
      });
      await this.requests.recordAnswer(manager, { requestId, ownerId: owner.id, state: moved.state, at: now });
      const action = moved.state === 'given' ? CONSENT_GIVEN : CONSENT_REFUSED;
      await this.outbox.publish(manager, action, { requestId, agencyId: request.agencyId, consentId: id });
      await this.audit.record(manager, {
        actor: actorOf(owner),
        action,
        subject: `consent:${id}`,
        data: {
          requestId,
          agencyId: request.agencyId,
          recordingIds: choice.recordingIds,
          identityDisclosed: namesOwner(receipt.dataCategories),
          hash: receipt.hash,
          policy: policy.profile,
        },
      });
      return receipt;
    });
  }

  async receiptOf(owner: AuthUser, consentId: string): Promise<ConsentReceipt> {
    const consent = await this.consents.findOwn(this.dataSource.manager, owner.id, consentId);
    if (!consent) throw new ConsentNotFoundError();
    return consent.receipt;
  }

  /**
   * given → withdrawn: from the next call on, the agency reaches none of the recordings. The
   * receipt records when, and the audit event keeps what had been viewed before.
   */
  withdraw(owner: AuthUser, consentId: string): Promise<ConsentReceipt> {
    return this.dataSource.transaction(async (manager) => {
      const consent = await this.consents.findOwn(manager, owner.id, consentId, { forUpdate: true });
      if (!consent) throw new ConsentNotFoundError();
      const moved = consentTransition(consent.consentState, 'withdraw');
      if (!moved.ok) throw new ConsentNotWithdrawableError(moved.from);
      const now = await this.clock.now(manager);
      const receipt = withdrawnReceipt(consent.receipt, now);
      await this.consents.markWithdrawn(manager, consent, receipt, now);
      await this.requests.recordAnswer(manager, { requestId: consent.requestId, ownerId: owner.id, state: moved.state, at: now });
      await this.outbox.publish(manager, CONSENT_WITHDRAWN, { requestId: consent.requestId, agencyId: consent.agencyId, consentId });
      await this.audit.record(manager, {
        actor: actorOf(owner),
        action: CONSENT_WITHDRAWN,
        subject: `consent:${consentId}`,
        data: { requestId: consent.requestId, agencyId: consent.agencyId, previousHash: consent.receipt.hash, hash: receipt.hash },
      });
      return receipt;
    });
  }

  private receipt(
    id: string,
    owner: AuthUser,
    request: Answerable,
    decision: ConsentAnswer['decision'],
    recordingIds: string[],
    policy: Policy,
    now: Date,
  ): ConsentReceipt {
    const base = this.config.http.publicUrl;
    return sealReceipt({
      receiptId: id,
      version: RECEIPT_VERSION,
      timestamp: now.toISOString(),
      principal: this.pseudonyms.principal(owner.id),
      controller: { name: CONTROLLER, url: base },
      recipient: { agencyId: request.agencyId, name: request.agencyName },
      purpose: { requestId: request.requestId, incidentType: request.incidentType, caseNumber: request.caseNumber },
      legalBasis: 'consent',
      decision,
      // What the agency learns besides the video is fixed here, by the policy the owner answered under.
      dataCategories: disclosedCategories(decision, policy.ownerShownAs),
      recordingIds,
      retention: { days: policy.defaultRetentionDays },
      withdrawal: decision === 'share' ? { url: `${base}/api/consents/${id}/withdraw` } : null,
      policy: { profile: policy.profile },
    });
  }
}
