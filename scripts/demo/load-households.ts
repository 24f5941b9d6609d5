import { randomUUID } from 'node:crypto';
import { cellOf } from '@app/geo';
import type { EntityManager } from 'typeorm';
import type { DemoHousehold } from './town.js';

/**
 * Loads the generated neighbours in a few set-based statements (one per table) instead of a few
 * thousand service calls: they all share one password hash, and being scenery rather than
 * events, their sign-ups are not in the audit log. The named demo people go through the services.
 */
export async function loadHouseholds(
  manager: EntityManager,
  households: DemoHousehold[],
  passwordHash: string,
  now: Date,
): Promise<{ users: number; cameras: number; recordings: number }> {
  const users: { id: string; email: string }[] = await manager.query(
    `INSERT INTO app_user (email, display_name, role, password_hash, created_at)
     SELECT email, display_name, 'resident', $3, $4 FROM unnest($1::text[], $2::text[]) AS t (email, display_name)
     RETURNING id, email`,
    [households.map((h) => h.email), households.map((h) => h.displayName), passwordHash, now],
  );
  const idOf = new Map(users.map((user) => [user.email, user.id]));

  const chose = households.filter(
    (h) => h.privacy.policeRequests !== null || h.privacy.retentionDays !== null || h.privacy.endToEndEncryption,
  );
  await manager.query(
    `INSERT INTO privacy_setting (user_id, police_requests, retention_days, end_to_end_encryption, updated_at)
     SELECT * , $5::timestamptz FROM unnest($1::uuid[], $2::text[], $3::int[], $4::bool[])`,
    [
      chose.map((h) => idOf.get(h.email)),
      chose.map((h) => h.privacy.policeRequests),
      chose.map((h) => h.privacy.retentionDays),
      chose.map((h) => h.privacy.endToEndEncryption),
      now,
    ],
  );

  const cameras = households.flatMap((h) =>
    h.cameras.map((camera) => ({ id: randomUUID(), ownerId: idOf.get(h.email)!, camera })),
  );
  // Each camera carries a copy of its owner's choices (what the coverage map reads).
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
      cameras.map((c) => c.camera.label),
      cameras.map((c) => c.camera.location.lng),
      cameras.map((c) => c.camera.location.lat),
      cameras.map((c) => cellOf(c.camera.location)),
      now,
    ],
  );

  const clips = cameras.flatMap((c) => c.camera.recordings.map((clip) => ({ cameraId: c.id, clip })));
  // Each recording carries a copy of its owner's retention choice (what the purge reads).
  await manager.query(
    `INSERT INTO recording (camera_id, started_at, ended_at, trigger, created_at, owner_retention_days)
     SELECT clip.camera_id, clip.started_at, clip.ended_at, clip.trigger, $5::timestamptz, setting.retention_days
     FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[], $4::text[]) AS clip (camera_id, started_at, ended_at, trigger)
     JOIN camera ON camera.id = clip.camera_id
     LEFT JOIN privacy_setting AS setting ON setting.user_id = camera.owner_id`,
    [clips.map((c) => c.cameraId), clips.map((c) => c.clip.startedAt), clips.map((c) => c.clip.endedAt), clips.map((c) => c.clip.trigger), now],
  );
  return { users: users.length, cameras: cameras.length, recordings: clips.length };
}
