import { AuditService } from '@app/audit';
import { actorOf, type AuthUser } from '@app/auth';
import { Clock } from '@app/clock';
import type { LatLng } from '@app/geo';
import { RecordingNotFoundError } from '@app/cameras';
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
  /** Only where the owner's identity is disclosed: the camera's place when shared stands for the address. */
  camera?: { label: string; location: LatLng };
}

function toRecording(row: SharedRecordingRow): SharedRecording {
  const recording: SharedRecording = { id: row.recordingId, startedAt: row.startedAt, endedAt: row.endedAt, trigger: row.trigger };
  if (row.identityDisclosed && row.cameraLabel !== null) {
    recording.camera = { label: row.cameraLabel, location: { lat: row.lat!, lng: row.lng! } };
  }
  return recording;
}

function groupByOwner(rows: SharedRecordingRow[]): Map<string, SharedOwner> {
  const owners = new Map<string, SharedOwner>();
  for (const row of rows) {
    let owner = owners.get(row.ownerId);
    if (!owner) {
      // The number is per request, so the same owner cannot be followed from request to request.
      owner = { pseudonym: `Neighbor #${row.neighborNumber}`, sharedAt: row.sharedAt, recordings: [] };
      if (row.identityDisclosed) Object.assign(owner, { name: row.displayName, email: row.email });
      owners.set(row.ownerId, owner);
    }
    owner.recordings.push(toRecording(row));
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
  ) {}

  /** Every recording shared for the agency's request, by owner; audited once per owner listed. */
  list(officer: AuthUser, requestId: string): Promise<SharedOwner[]> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.requests.get(officer, requestId, manager);
      const owners = groupByOwner(await this.footage.shared(manager, requestId, await this.clock.now(manager)));
      await this.recordViews(manager, officer, request, owners);
      return [...owners.values()];
    });
  }

  /** One shared recording; anything not shared for this request answers like a missing one. */
  one(officer: AuthUser, requestId: string, recordingId: string): Promise<SharedOwner> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.requests.get(officer, requestId, manager);
      const owners = groupByOwner(await this.footage.shared(manager, requestId, await this.clock.now(manager), recordingId));
      if (owners.size === 0) throw new RecordingNotFoundError();
      await this.recordViews(manager, officer, request, owners);
      return [...owners.values()][0]!;
    });
  }

  /**
   * In the same transaction as the read, so footage is never shown without its audit event.
   * The event carries what the owner's access log shows: agency, purpose and recordings.
   */
  private async recordViews(manager: EntityManager, officer: AuthUser, request: RequestView, owners: Map<string, SharedOwner>): Promise<void> {
    for (const [ownerId, owner] of owners) {
      await this.audit.record(manager, {
        actor: actorOf(officer),
        action: FOOTAGE_VIEWED,
        subject: `user:${ownerId}`,
        data: {
          requestId: request.id,
          agencyId: request.agencyId,
          caseNumber: request.caseNumber,
          incidentType: request.incidentType,
          recordingIds: owner.recordings.map((recording) => recording.id),
        },
      });
    }
  }
}
