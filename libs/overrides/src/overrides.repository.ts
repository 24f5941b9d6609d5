import type { PagePosition, RowLock } from '@app/database';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ApprovalTerms, OverrideBasis, OverrideStatus } from './domain/override.js';

export interface NewOverride {
  id: string;
  requestId: string;
  agencyId: string;
  officerId: string;
  basis: OverrideBasis;
  justification: string;
  warrantReference: string | null;
  cameraIds: string[] | null;
  excludedEncrypted: number;
  /** What the policy in force when it was asked says of the public report. */
  reportedWhenRequested: boolean;
  createdAt: Date;
}

export interface Decision {
  status: Exclude<OverrideStatus, 'pending'>;
  decidedBy: 'system' | 'moderator';
  decidedAt: Date;
  reason: string | null;
  warrantChecked: boolean | null;
  inTransparencyReport: boolean;
  /** Set for an approval only. */
  terms: Omit<ApprovalTerms, 'inTransparencyReport'> | null;
}

/** An override as the officer who asked and the moderators see it. */
export interface OverrideView {
  id: string;
  requestId: string;
  agencyId: string;
  caseNumber: string;
  basis: OverrideBasis;
  justification: string;
  warrantReference: string | null;
  cameraIds: string[] | null;
  status: OverrideStatus;
  createdAt: Date;
  /** system: granted by the platform alone (which moderator decided is in the audit log only). */
  decidedBy: 'system' | 'moderator' | null;
  decidedAt: Date | null;
  reason: string | null;
  counts: { owners: number; recordings: number; excluded: { encrypted: number } };
}

/** A recording an approved override opened, with what police may know of its owner. */
export interface OpenedRecording {
  overrideId: string;
  basis: OverrideBasis;
  approvedAt: Date;
  ownerId: string;
  neighborNumber: number;
  /** Police see the owner's name and email. */
  identityShown: boolean;
  /** Police also see the address: the camera's place. */
  addressShown: boolean;
  /** Whether the policy at approval tells the owner (and so shows the views in their access log). */
  ownerTold: boolean;
  displayName: string;
  email: string;
  recordingId: string;
  startedAt: Date;
  endedAt: Date;
  trigger: string;
  cameraLabel: string;
  lat: number;
  lng: number;
}

export interface OverrideRow {
  id: string;
  basis: OverrideBasis;
  status: OverrideStatus;
}

const VIEW = `
  SELECT o.id, o.request_id AS "requestId", o.agency_id AS "agencyId", r.case_number AS "caseNumber", o.basis, o.justification,
         o.warrant_reference AS "warrantReference", o.camera_ids AS "cameraIds", o.status, o.created_at AS "createdAt",
         o.decided_by AS "decidedBy", o.decided_at AS "decidedAt", o.decision_reason AS reason,
         json_build_object(
           'owners', (SELECT count(*)::int FROM override_owner WHERE override_id = o.id),
           'recordings', (SELECT count(*)::int FROM override_recording WHERE override_id = o.id),
           'excluded', json_build_object('encrypted', o.excluded_encrypted)) AS counts
  FROM disclosure_override o
  JOIN requests_request r ON r.id = o.request_id`;

/** The overrides context's tables (disclosure_override, override_owner, override_recording). */
@Injectable()
export class OverridesRepository {
  /** A new override waits for its decision (one granted on the spot is decided in the same transaction). */
  async insert(manager: EntityManager, override: NewOverride): Promise<void> {
    await manager.query(
      `INSERT INTO disclosure_override (id, request_id, agency_id, officer_id, basis, justification, warrant_reference, camera_ids,
                                        status, excluded_encrypted, reported_when_requested, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9, $10, $11)`,
      [
        override.id,
        override.requestId,
        override.agencyId,
        override.officerId,
        override.basis,
        override.justification,
        override.warrantReference,
        override.cameraIds,
        override.excludedEncrypted,
        override.reportedWhenRequested,
        override.createdAt,
      ],
    );
  }

  /**
   * Serialises the overrides of one request until commit, so that two of them never hand out the
   * same pseudonym number.
   */
  async lockRequestNumbers(manager: EntityManager, requestId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('override_owner:' || $1, 0))`, [requestId]);
  }

  /**
   * The recordings of `cameraIds` that overlap the window (as a request's offers are found: a clip
   * started at most `maxClipSeconds` before the window, which keeps the lookup on the
   * (camera_id, started_at) index), with their owners.
   */
  recordingsInWindow(
    manager: EntityManager,
    cameraIds: string[],
    window: { start: Date; end: Date },
    maxClipSeconds: number,
  ): Promise<{ recordingId: string; ownerId: string }[]> {
    return manager.query(
      `SELECT recording.id AS "recordingId", recording.owner_id AS "ownerId"
       FROM cameras_recording recording
       WHERE recording.camera_id = ANY($1::uuid[])
         AND recording.started_at >= $2::timestamptz - $4::int * interval '1 second'
         AND recording.started_at < $3::timestamptz
         AND recording.ended_at > $2::timestamptz`,
      [cameraIds, window.start, window.end, maxClipSeconds],
    );
  }

  /** The numbers police already know owners by on this request: as recipients, or from earlier overrides. */
  async knownNumbers(manager: EntityManager, requestId: string): Promise<Map<string, number>> {
    const rows: { owner_id: string; pseudonym_number: number }[] = await manager.query(
      `SELECT owner_id, pseudonym_number FROM requests_recipient WHERE request_id = $1
       UNION
       SELECT oo.owner_id, oo.pseudonym_number FROM override_owner oo
       JOIN disclosure_override o ON o.id = oo.override_id WHERE o.request_id = $1`,
      [requestId],
    );
    return new Map(rows.map((row) => [row.owner_id, row.pseudonym_number]));
  }

  async insertReach(
    manager: EntityManager,
    overrideId: string,
    numbers: Map<string, number>,
    recordings: { recordingId: string; ownerId: string }[],
  ): Promise<void> {
    if (numbers.size === 0) return;
    await manager.query(
      `INSERT INTO override_owner (override_id, owner_id, pseudonym_number)
       SELECT $1, owner_id, pseudonym_number FROM unnest($2::uuid[], $3::int[]) AS reached (owner_id, pseudonym_number)`,
      [overrideId, [...numbers.keys()], [...numbers.values()]],
    );
    await manager.query(
      `INSERT INTO override_recording (override_id, recording_id, owner_id)
       SELECT $1, recording_id, owner_id FROM unnest($2::uuid[], $3::uuid[]) AS reached (recording_id, owner_id)`,
      [overrideId, recordings.map((recording) => recording.recordingId), recordings.map((recording) => recording.ownerId)],
    );
  }

  async find(manager: EntityManager, id: string, { forUpdate = false }: RowLock = {}): Promise<OverrideRow | null> {
    const rows: OverrideRow[] = await manager.query(
      `SELECT id, basis, status FROM disclosure_override WHERE id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  async decide(manager: EntityManager, id: string, decision: Decision): Promise<void> {
    const { terms } = decision;
    await manager.query(
      `UPDATE disclosure_override
       SET status = $2, decided_by = $3, decided_at = $4, decision_reason = $5, warrant_checked = $6,
           shown_as = $7, owner_notice_seconds = $8, notice_due_at = $9, in_transparency_report = $10
       WHERE id = $1`,
      [
        id,
        decision.status,
        decision.decidedBy,
        decision.decidedAt,
        decision.reason,
        decision.warrantChecked,
        terms?.shownAs ?? null,
        terms?.ownerNoticeSeconds ?? null,
        terms?.noticeDueAt ?? null,
        decision.inTransparencyReport,
      ],
    );
  }

  async view(manager: EntityManager, id: string): Promise<OverrideView | null> {
    const rows: OverrideView[] = await manager.query(`${VIEW} WHERE o.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** The moderation queue: one status, oldest first by (created_at, id), strictly after `after`. */
  page(manager: EntityManager, status: OverrideStatus, after: PagePosition | undefined, limit: number): Promise<OverrideView[]> {
    return manager.query(
      `${VIEW}
       WHERE o.status = $1 AND ($2::timestamptz IS NULL OR (o.created_at, o.id) > ($2::timestamptz, $3::uuid))
       ORDER BY o.created_at, o.id
       LIMIT ${Number(limit)}`,
      [status, after?.at ?? null, after?.id ?? null],
    );
  }

  /**
   * Approved overrides whose notice period has ended and whose owners are not yet told, locked.
   * Rows another tick holds are waited for, then read again (told by then, so left out): two ticks
   * never tell twice, and a sandbox clock move never answers `ready` while a concurrent tick's
   * notices are uncommitted, as skipping them would. Served by disclosure_override_notice_due_idx.
   */
  noticesDue(manager: EntityManager, now: Date): Promise<{ id: string; requestId: string; agencyId: string }[]> {
    return manager.query(
      `SELECT id, request_id AS "requestId", agency_id AS "agencyId" FROM disclosure_override
       WHERE notice_due_at <= $1 AND owners_noticed_at IS NULL AND notice_due_at IS NOT NULL
       ORDER BY notice_due_at
       FOR UPDATE`,
      [now],
    );
  }

  async markOwnersTold(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.query('UPDATE disclosure_override SET owners_noticed_at = $2 WHERE id = $1', [id, at]);
  }

  /** Every recording the request's approved overrides opened that still exists; `recordingId` narrows it to one. */
  opened(manager: EntityManager, requestId: string, recordingId?: string): Promise<OpenedRecording[]> {
    return manager.query(
      `SELECT o.id AS "overrideId", o.basis, o.decided_at AS "approvedAt", oo.owner_id AS "ownerId",
              oo.pseudonym_number AS "neighborNumber", (o.shown_as <> 'pseudonym') AS "identityShown",
              (o.shown_as = 'identity') AS "addressShown",
              (o.owner_notice_seconds IS NOT NULL) AS "ownerTold", u.display_name AS "displayName", u.email,
              recording.id AS "recordingId", recording.started_at AS "startedAt", recording.ended_at AS "endedAt",
              recording.trigger, recording.camera_label AS "cameraLabel",
              ST_Y(recording.camera_location::geometry) AS lat, ST_X(recording.camera_location::geometry) AS lng
       FROM disclosure_override o
       JOIN override_recording orec ON orec.override_id = o.id
       JOIN override_owner oo ON oo.override_id = o.id AND oo.owner_id = orec.owner_id
       JOIN cameras_recording recording ON recording.id = orec.recording_id
       JOIN identity_user u ON u.id = oo.owner_id
       WHERE o.request_id = $1 AND o.status = 'approved'
         AND ($2::uuid IS NULL OR recording.id = $2::uuid)
       ORDER BY oo.pseudonym_number, recording.started_at, recording.id, o.decided_at`,
      [requestId, recordingId ?? null],
    );
  }
}
