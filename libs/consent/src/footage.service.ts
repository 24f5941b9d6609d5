import { AuditService } from '@app/audit';
import { actorOf, type AuthUser } from '@app/auth';
import { Clock } from '@app/clock';
import type { LatLng } from '@app/geo';
import { RecordingNotFoundError } from '@app/cameras';
import { OverridesService, type OpenedRecording, type OverrideBasis } from '@app/overrides';
import { RequestsService, type RequestView } from '@app/requests';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { FootageRepository, type SharedRecordingRow } from './footage.repository.js';
import { FOOTAGE_VIEWED } from './consent.events.js';

/** An owner who shared, as police see them: `Neighbor #n`, plus name and email only where disclosed. */
export interface SharedOwner {
  pseudonym: string;
  name?: string;
  email?: string;
  sharedAt: Date;
  recordings: SharedRecording[];
}

export interface SharedRecording {
  id: string;
  startedAt: Date;
  endedAt: Date;
  trigger: string;
  /** How police reach it: the owner's consent, or an approved override on `basis`. */
  access: 'consent' | 'override';
  basis?: OverrideBasis;
  /** Only where the owner's address is disclosed: the camera's place when shared stands for it. */
  camera?: { label: string; location: LatLng };
}

/** One recording police may reach, from consent or from an override, before grouping by owner. */
interface Reachable {
  ownerId: string;
  neighborNumber: number;
  identityDisclosed: boolean;
  since: Date;
  displayName: string;
  email: string;
  recording: SharedRecording;
  /** Set for override recordings: which override, and whether its views go in the owner's access log. */
  override?: { id: string; basis: OverrideBasis; ownerTold: boolean };
}

function fromConsent(row: SharedRecordingRow): Reachable {
  const recording: SharedRecording = { id: row.recordingId, startedAt: row.startedAt, endedAt: row.endedAt, trigger: row.trigger, access: 'consent' };
  if (row.identityDisclosed && row.cameraLabel !== null) {
    recording.camera = { label: row.cameraLabel, location: { lat: row.lat!, lng: row.lng! } };
  }
  return { ...row, since: row.sharedAt, recording };
}

function fromOverride(row: OpenedRecording): Reachable {
  const recording: SharedRecording = {
    id: row.recordingId,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    trigger: row.trigger,
    access: 'override',
    basis: row.basis,
  };
  // No consent fixed a place: where the address is disclosed, the camera's place now stands for it.
  if (row.addressShown) recording.camera = { label: row.cameraLabel, location: { lat: row.lat, lng: row.lng } };
  return {
    ...row,
    identityDisclosed: row.identityShown,
    since: row.approvedAt,
    recording,
    override: { id: row.overrideId, basis: row.basis, ownerTold: row.ownerTold },
  };
}

/**
 * Consented recordings first, then what overrides opened that consent did not; a recording two
 * overrides reached is listed once, under the first approved.
 */
function reachable(consented: SharedRecordingRow[], opened: OpenedRecording[]): Reachable[] {
  const seen = new Set(consented.map((row) => row.recordingId));
  const all = consented.map(fromConsent);
  for (const row of opened) {
    if (seen.has(row.recordingId)) continue;
    seen.add(row.recordingId);
    all.push(fromOverride(row));
  }
  return all;
}

interface ListedOwner {
  owner: SharedOwner;
  /** What each view of the owner's footage puts in the audit log: consent and each override apart. */
  views: { override?: Reachable['override']; recordingIds: string[] }[];
}

function groupByOwner(rows: Reachable[]): Map<string, ListedOwner> {
  const owners = new Map<string, ListedOwner>();
  for (const row of [...rows].sort((a, b) => a.neighborNumber - b.neighborNumber)) {
    let listed = owners.get(row.ownerId);
    if (!listed) {
      // The number is per request, so the same owner cannot be followed from request to request.
      const owner: SharedOwner = { pseudonym: `Neighbor #${row.neighborNumber}`, sharedAt: row.since, recordings: [] };
      listed = { owner, views: [] };
      owners.set(row.ownerId, listed);
    }
    const { owner, views } = listed;
    if (row.identityDisclosed && owner.name === undefined) Object.assign(owner, { name: row.displayName, email: row.email });
    if (row.since < owner.sharedAt) owner.sharedAt = row.since;
    owner.recordings.push(row.recording);
    let view = views.find((candidate) => candidate.override?.id === row.override?.id);
    if (!view) views.push((view = { override: row.override, recordingIds: [] }));
    view.recordingIds.push(row.recording.id);
  }
  return owners;
}

/** What the requesting agency may see of shared footage; every look is in the audit log. */
@Injectable()
export class FootageService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: RequestsService,
    private readonly footage: FootageRepository,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly overrides: OverridesService,
  ) {}

  /**
   * Every recording shared for the agency's request, and every one its approved overrides opened,
   * by owner; audited once per owner listed (and once more per override that reached them).
   */
  list(officer: AuthUser, requestId: string): Promise<SharedOwner[]> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.requests.get(officer, requestId, manager);
      const owners = await this.reachable(manager, requestId);
      await this.recordViews(manager, officer, request, owners);
      return [...owners.values()].map((listed) => listed.owner);
    });
  }

  /** One shared recording; anything not shared for this request answers like a missing one. */
  one(officer: AuthUser, requestId: string, recordingId: string): Promise<SharedOwner> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.requests.get(officer, requestId, manager);
      const owners = await this.reachable(manager, requestId, recordingId);
      if (owners.size === 0) throw new RecordingNotFoundError();
      await this.recordViews(manager, officer, request, owners);
      return [...owners.values()][0]!.owner;
    });
  }

  private async reachable(manager: EntityManager, requestId: string, recordingId?: string): Promise<Map<string, ListedOwner>> {
    const consented = await this.footage.shared(manager, requestId, await this.clock.now(manager), recordingId);
    return groupByOwner(reachable(consented, await this.overrides.opened(manager, requestId, recordingId)));
  }

  /**
   * In the same transaction as the read, so footage is never shown without its audit event.
   * The event carries what the owner's access log shows: agency, purpose and recordings; a view
   * through an override also its basis, and whether the policy at approval shows it to the owner.
   */
  private async recordViews(manager: EntityManager, officer: AuthUser, request: RequestView, owners: Map<string, ListedOwner>): Promise<void> {
    for (const [ownerId, { views }] of owners) {
      for (const { override, recordingIds } of views) {
        await this.audit.record(manager, {
          actor: actorOf(officer),
          action: FOOTAGE_VIEWED,
          subject: `user:${ownerId}`,
          data: {
            requestId: request.id,
            agencyId: request.agencyId,
            caseNumber: request.caseNumber,
            incidentType: request.incidentType,
            recordingIds,
            ...(override && { access: 'override', basis: override.basis, overrideId: override.id, shownToOwner: override.ownerTold }),
          },
        });
      }
    }
  }
}
