import { randomUUID } from 'node:crypto';
import { insertCameras, insertClips, insertPrivacyChoices } from '@app/cameras';
import { insertResidents } from '@app/identity';
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
  const idOf = await insertResidents(manager, households, passwordHash, now);
  const chose = households.filter((h) => h.privacy.policeRequests !== null || h.privacy.retentionDays !== null || h.privacy.endToEndEncryption);
  await insertPrivacyChoices(manager, chose.map((h) => ({ userId: idOf.get(h.email)!, ...h.privacy })), now);
  const cameras = households.flatMap((h) => h.cameras.map((camera) => ({ id: randomUUID(), ownerId: idOf.get(h.email)!, ...camera })));
  await insertCameras(manager, cameras, now);
  const clips = cameras.flatMap((camera) => camera.recordings.map((clip) => ({ id: randomUUID(), cameraId: camera.id, ...clip })));
  await insertClips(manager, clips, now);
  return { users: idOf.size, cameras: cameras.length, recordings: clips.length };
}
