import { cellOf } from '@app/geo';
import type { EntityManager } from 'typeorm';

/**
 * Set-based loading of scenery — owners' privacy choices, cameras and clips — in one statement
 * per table instead of thousands of service calls. Used for generated households (the demo
 * town's and the simulator's); the events of a simulated run still go through the services.
 */

export interface NewPrivacyChoice {
  userId: string;
  policeRequests: 'receive' | 'block' | null;
  retentionDays: number | null;
  endToEndEncryption: boolean;
}

export interface NewCamera {
  id: string;
  ownerId: string;
  label: string;
  location: { lat: number; lng: number };
}

export interface NewClip {
  id: string;
  cameraId: string;
  startedAt: Date | string;
  endedAt: Date | string;
  trigger: 'motion' | 'ring' | 'live';
}

/** Only owners who chose something: the others get the policy's defaults. */
export async function insertPrivacyChoices(manager: EntityManager, choices: NewPrivacyChoice[], now: Date): Promise<void> {
  await manager.query(
    `INSERT INTO privacy_setting (user_id, police_requests, retention_days, end_to_end_encryption, updated_at)
     SELECT *, $5::timestamptz FROM unnest($1::uuid[], $2::text[], $3::int[], $4::bool[])`,
    [choices.map((c) => c.userId), choices.map((c) => c.policeRequests), choices.map((c) => c.retentionDays), choices.map((c) => c.endToEndEncryption), now],
  );
}

/** Each camera carries a copy of its owner's choices (what the coverage map and matching read). */
export async function insertCameras(manager: EntityManager, cameras: NewCamera[], now: Date): Promise<void> {
  await manager.query(
    `INSERT INTO camera (id, owner_id, label, location, h3_r9, owner_police_requests, owner_e2ee, created_at)
     SELECT t.id, t.owner_id, t.label, ST_SetSRID(ST_MakePoint(t.lng, t.lat), 4326)::geography, t.h3_r9,
            setting.police_requests, COALESCE(setting.end_to_end_encryption, false), $7
     FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::float8[], $5::float8[], $6::text[])
       AS t (id, owner_id, label, lng, lat, h3_r9)
     LEFT JOIN privacy_setting AS setting ON setting.user_id = t.owner_id`,
    [
      cameras.map((c) => c.id),
      cameras.map((c) => c.ownerId),
      cameras.map((c) => c.label),
      cameras.map((c) => c.location.lng),
      cameras.map((c) => c.location.lat),
      cameras.map((c) => cellOf(c.location)),
      now,
    ],
  );
}

/** Each recording carries a copy of its owner's retention choice (what the purge reads). */
export async function insertClips(manager: EntityManager, clips: NewClip[], now: Date): Promise<void> {
  await manager.query(
    `INSERT INTO recording (id, camera_id, started_at, ended_at, trigger, created_at, owner_retention_days)
     SELECT clip.id, clip.camera_id, clip.started_at, clip.ended_at, clip.trigger, $6::timestamptz, setting.retention_days
     FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::timestamptz[], $5::text[]) AS clip (id, camera_id, started_at, ended_at, trigger)
     JOIN camera ON camera.id = clip.camera_id
     LEFT JOIN privacy_setting AS setting ON setting.user_id = camera.owner_id`,
    [clips.map((c) => c.id), clips.map((c) => c.cameraId), clips.map((c) => c.startedAt), clips.map((c) => c.endedAt), clips.map((c) => c.trigger), now],
  );
}
