import type { ExcludedCounts } from './request.js';

/** A camera in the request's area with its owner's choices (the cameras context's AreaCamera). */
export interface CameraInArea {
  cameraId: string;
  ownerId: string;
  /** Null: the owner never chose. */
  ownerPoliceRequests: 'receive' | 'block' | null;
  ownerE2ee: boolean;
}

/** What an owner who never chose gets under the active policy (opt-out: receive, opt-in: block). */
export type NeverChoseGets = 'receive' | 'block';

/** Where an owner with a camera in the area stands towards a request, before recordings count. */
export type OwnerStanding = 'encrypted' | 'blocked' | 'opt-in-not-given' | 'receives';

/** End-to-end encryption wins over every other choice: police could not watch the footage. */
export function standingOf(camera: Pick<CameraInArea, 'ownerPoliceRequests' | 'ownerE2ee'>, neverChoseGets: NeverChoseGets): OwnerStanding {
  if (camera.ownerE2ee) return 'encrypted';
  if (camera.ownerPoliceRequests === 'block') return 'blocked';
  if (camera.ownerPoliceRequests === null && neverChoseGets === 'block') return 'opt-in-not-given';
  return 'receives';
}

export interface Audience {
  /** The cameras of owners who receive the request: their recordings in the window are offered. */
  receiving: Pick<CameraInArea, 'cameraId' | 'ownerId'>[];
  /** Owners counted once each, however many cameras they have in the area. */
  excluded: Omit<ExcludedCounts, 'noRecordings'>;
}

/**
 * Sorts the area's cameras by their owners' standing. Every camera of an owner carries the same
 * copy of the owner's choices (written in one transaction), so the first one decides.
 */
export function audienceOf(cameras: readonly CameraInArea[], neverChoseGets: NeverChoseGets): Audience {
  const standings = new Map<string, OwnerStanding>();
  const receiving: Audience['receiving'] = [];
  for (const camera of cameras) {
    let standing = standings.get(camera.ownerId);
    if (standing === undefined) {
      standing = standingOf(camera, neverChoseGets);
      standings.set(camera.ownerId, standing);
    }
    if (standing === 'receives') receiving.push({ cameraId: camera.cameraId, ownerId: camera.ownerId });
  }
  const excluded = { blocked: 0, encrypted: 0, optInNotGiven: 0 };
  for (const standing of standings.values()) {
    if (standing === 'blocked') excluded.blocked++;
    else if (standing === 'encrypted') excluded.encrypted++;
    else if (standing === 'opt-in-not-given') excluded.optInNotGiven++;
  }
  return { receiving, excluded };
}
