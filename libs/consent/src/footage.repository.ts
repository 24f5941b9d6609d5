import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** One shared recording as the requesting agency may reach it, with what it may know of the owner. */
export interface SharedRecordingRow {
  ownerId: string;
  neighborNumber: number;
  identityDisclosed: boolean;
  sharedAt: Date;
  displayName: string;
  email: string;
  recordingId: string;
  startedAt: Date;
  endedAt: Date;
  trigger: string;
  /** The camera's label and place when the owner shared, kept only under identity disclosure. */
  cameraLabel: string | null;
  lat: number | null;
  lng: number | null;
}

@Injectable()
export class FootageRepository {
  /**
   * Invariants 3 and 4 in one statement: only recordings named in a consent that is still
   * `given` (a withdrawal cuts access at once) and within the evidence retention of its receipt.
   * `recordingId` narrows it to one recording.
   */
  async shared(manager: EntityManager, requestId: string, now: Date, recordingId?: string): Promise<SharedRecordingRow[]> {
    return manager.query(
      `SELECT c.owner_id AS "ownerId", rr.pseudonym_number AS "neighborNumber", c.identity_disclosed AS "identityDisclosed",
              c.created_at AS "sharedAt", u.display_name AS "displayName", u.email,
              recording.id AS "recordingId", recording.started_at AS "startedAt", recording.ended_at AS "endedAt",
              recording.trigger, shared.camera_label AS "cameraLabel",
              ST_Y(shared.camera_location::geometry) AS lat, ST_X(shared.camera_location::geometry) AS lng
       FROM consent c
       JOIN requests_recipient rr ON rr.request_id = c.request_id AND rr.owner_id = c.owner_id
       JOIN consent_recording shared ON shared.request_id = c.request_id AND shared.owner_id = c.owner_id
       JOIN cameras_recording recording ON recording.id = shared.recording_id
       JOIN identity_user u ON u.id = c.owner_id
       WHERE c.request_id = $1
         AND rr.consent_state = 'given'
         AND c.created_at + make_interval(days => c.retention_days) > $2::timestamptz
         AND ($3::uuid IS NULL OR recording.id = $3::uuid)
       ORDER BY rr.pseudonym_number, recording.started_at, recording.id`,
      [requestId, now.toISOString(), recordingId ?? null],
    );
  }
}
