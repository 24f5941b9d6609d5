import type { PagePosition, RowLock } from '@app/database';
import { areaFromStored, type Area, type StoredArea } from '@app/geo';
import type { ConsentState, RequestStatus } from '@app/requests';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { ConsentReceipt, ReceiptFields } from './domain/consent-receipt.js';

/** A recipient's standing on a request, read (and locked) before an answer. */
export interface Answerable {
  requestId: string;
  agencyId: string;
  agencyName: string;
  caseNumber: string;
  incidentType: string;
  status: RequestStatus;
  expiresAt: Date;
  consentState: ConsentState;
}

export interface NewConsent {
  id: string;
  requestId: string;
  ownerId: string;
  decision: 'share' | 'decline';
  /** Police see the owner's name and email. */
  identityDisclosed: boolean;
  /** Police also see the address: the camera's place goes with each recording. */
  addressDisclosed: boolean;
  retentionDays: number;
  receipt: ConsentReceipt;
  createdAt: Date;
}

export interface OwnConsent {
  id: string;
  requestId: string;
  agencyId: string;
  consentState: ConsentState;
  receipt: ConsentReceipt;
}

export interface OfferedRecording {
  id: string;
  cameraId: string;
  cameraLabel: string;
  startedAt: Date;
  endedAt: Date;
  trigger: string;
}

/** A request as the owner it reached sees it. */
export interface ReceivedRequest {
  id: string;
  agency: { id: string; name: string };
  caseNumber: string;
  incidentType: string;
  description: string;
  windowStart: Date;
  windowEnd: Date;
  area: Area;
  delivery: string;
  status: RequestStatus;
  createdAt: Date;
  expiresAt: Date;
  neighborNumber: number;
  consentState: ConsentState;
  consentId: string | null;
  decidedAt: Date | null;
  offered: OfferedRecording[];
  sharedRecordingIds: string[];
}

interface ReceivedRow {
  id: string;
  agency_id: string;
  agency_name: string;
  case_number: string;
  incident_type: string;
  description: string;
  window_start: Date;
  window_end: Date;
  area: StoredArea;
  area_radius_meters: number | null;
  delivery: string;
  status: RequestStatus;
  created_at: Date;
  expires_at: Date;
  pseudonym_number: number;
  consent_state: ConsentState;
  consent_id: string | null;
  decided_at: Date | null;
}

/**
 * The consent context's tables (consent, consent_recording), and what it reads of the requests it
 * answers, their agencies and the recordings offered, through the owners' published views.
 */
@Injectable()
export class ConsentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The owner's recipient row, locked for the answer, with a share lock on the request so that
   * a close or an expiry cannot commit between the status check and the answer.
   */
  async lockAnswerable(manager: EntityManager, requestId: string, ownerId: string): Promise<Answerable | null> {
    const rows: Answerable[] = await manager.query(
      `SELECT r.id AS "requestId", r.agency_id AS "agencyId", a.name AS "agencyName", r.case_number AS "caseNumber",
              r.incident_type AS "incidentType", r.status, r.expires_at AS "expiresAt", rr.consent_state AS "consentState"
       FROM requests_recipient rr
       JOIN requests_request r ON r.id = rr.request_id
       JOIN agencies_directory a ON a.id = r.agency_id
       WHERE rr.request_id = $1 AND rr.owner_id = $2
       FOR UPDATE OF rr FOR SHARE OF r`,
      [requestId, ownerId],
    );
    return rows[0] ?? null;
  }

  /** The recordings offered to the owner that still exist, oldest first. */
  async offeredIds(manager: EntityManager, requestId: string, ownerId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT recording.id FROM requests_offer offer JOIN cameras_recording recording ON recording.id = offer.recording_id
       WHERE offer.request_id = $1 AND offer.owner_id = $2
       ORDER BY recording.started_at, recording.id`,
      [requestId, ownerId],
    );
    return rows.map((row) => row.id);
  }

  /**
   * The consent and its recordings in one statement. Where the address is disclosed the camera's
   * label and place go with each recording as they are now: what police later see is what the
   * owner agreed to disclose, wherever the camera moves.
   */
  async insert(manager: EntityManager, consent: NewConsent): Promise<void> {
    const { hash, ...fields } = consent.receipt;
    await manager.query(
      `WITH answered AS (
         INSERT INTO consent (id, request_id, owner_id, decision, identity_disclosed, retention_days, receipt, hash, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         RETURNING request_id, owner_id
       )
       INSERT INTO consent_recording (request_id, owner_id, recording_id, camera_label, camera_location)
       SELECT answered.request_id, answered.owner_id, shared.id, CASE WHEN $11::boolean THEN recording.camera_label END,
              CASE WHEN $11::boolean THEN recording.camera_location END
       FROM answered CROSS JOIN unnest($10::uuid[]) AS shared (id)
       LEFT JOIN cameras_recording recording ON recording.id = shared.id`,
      [
        consent.id,
        consent.requestId,
        consent.ownerId,
        consent.decision,
        consent.identityDisclosed,
        consent.retentionDays,
        fields,
        hash,
        consent.createdAt,
        fields.recordingIds,
        consent.addressDisclosed,
      ],
    );
  }

  /** One of the owner's consents; `forUpdate` locks it (and its recipient row) for a withdrawal. */
  async findOwn(manager: EntityManager, ownerId: string, id: string, { forUpdate = false }: RowLock = {}): Promise<OwnConsent | null> {
    const rows: { id: string; request_id: string; agency_id: string; consent_state: ConsentState; receipt: ReceiptFields; hash: string }[] =
      await manager.query(
        `SELECT c.id, c.request_id, r.agency_id, rr.consent_state, c.receipt, c.hash
         FROM consent c
         JOIN requests_recipient rr ON rr.request_id = c.request_id AND rr.owner_id = c.owner_id
         JOIN requests_request r ON r.id = c.request_id
         WHERE c.id = $1 AND c.owner_id = $2
         ${forUpdate ? 'FOR UPDATE OF c, rr' : ''}`,
        [id, ownerId],
      );
    const row = rows[0];
    return row
      ? { id: row.id, requestId: row.request_id, agencyId: row.agency_id, consentState: row.consent_state, receipt: { ...row.receipt, hash: row.hash } }
      : null;
  }

  async markWithdrawn(manager: EntityManager, consent: OwnConsent, receipt: ConsentReceipt, at: Date): Promise<void> {
    const { hash, ...fields } = receipt;
    await manager.query(`UPDATE consent SET receipt = $2, hash = $3, withdrawn_at = $4 WHERE id = $1`, [consent.id, fields, hash, at]);
  }

  /** Requests that reached the owner, newest first by (created_at, id), strictly after `after`. */
  async received(ownerId: string, after: PagePosition | undefined, limit: number): Promise<ReceivedRequest[]> {
    const rows: ReceivedRow[] = await this.dataSource.query(
      `SELECT r.id, r.agency_id, a.name AS agency_name, r.case_number, r.incident_type, r.description, r.window_start,
              r.window_end, ST_AsGeoJSON(r.area)::json AS area, r.area_radius_meters, r.delivery, r.status, r.created_at,
              r.expires_at, rr.pseudonym_number, rr.consent_state, c.id AS consent_id, rr.decided_at
       FROM requests_recipient rr
       JOIN requests_request r ON r.id = rr.request_id
       JOIN agencies_directory a ON a.id = r.agency_id
       LEFT JOIN consent c ON c.request_id = rr.request_id AND c.owner_id = rr.owner_id
       WHERE rr.owner_id = $1
         AND ($2::timestamptz IS NULL OR (r.created_at, r.id) < ($2::timestamptz, $3::uuid))
       ORDER BY r.created_at DESC, r.id DESC
       LIMIT ${Number(limit)}`,
      [ownerId, after?.at ?? null, after?.id ?? null],
    );
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const offered: (OfferedRecording & { requestId: string; shared: boolean })[] = await this.dataSource.query(
      `SELECT offer.request_id AS "requestId", recording.id, recording.camera_id AS "cameraId", recording.camera_label AS "cameraLabel",
              recording.started_at AS "startedAt", recording.ended_at AS "endedAt", recording.trigger,
              (shared.recording_id IS NOT NULL) AS shared
       FROM requests_offer offer
       JOIN cameras_recording recording ON recording.id = offer.recording_id
       LEFT JOIN consent_recording shared
         ON shared.request_id = offer.request_id AND shared.owner_id = offer.owner_id AND shared.recording_id = offer.recording_id
       WHERE offer.owner_id = $1 AND offer.request_id = ANY($2::uuid[])
       ORDER BY recording.started_at, recording.id`,
      [ownerId, ids],
    );
    return rows.map((row) => {
      const mine = offered.filter((recording) => recording.requestId === row.id);
      return {
        id: row.id,
        agency: { id: row.agency_id, name: row.agency_name },
        caseNumber: row.case_number,
        incidentType: row.incident_type,
        description: row.description,
        windowStart: row.window_start,
        windowEnd: row.window_end,
        area: areaFromStored(row.area, row.area_radius_meters),
        delivery: row.delivery,
        status: row.status,
        createdAt: row.created_at,
        expiresAt: row.expires_at,
        neighborNumber: row.pseudonym_number,
        consentState: row.consent_state,
        consentId: row.consent_id,
        decidedAt: row.decided_at,
        offered: mine.map(({ requestId: _request, shared: _shared, ...recording }) => recording),
        sharedRecordingIds: mine.filter((recording) => recording.shared).map((recording) => recording.id),
      };
    });
  }
}
