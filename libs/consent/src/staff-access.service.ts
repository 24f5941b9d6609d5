import { AuditService } from '@app/audit';
import { actorOf, type AuthUser } from '@app/auth';
import { RecordingsService, type RecordingEntity } from '@app/cameras';
import { checkStaffFootageAccess, enforce, PolicyService } from '@app/policy';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { STAFF_VIEWED } from './consent.events.js';

/** Platform staff opening a resident's recording: always audited, with a reason where the policy asks. */
@Injectable()
export class StaffAccessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recordings: RecordingsService,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
  ) {}

  open(staff: AuthUser, recordingId: string, reason: string | undefined): Promise<RecordingEntity> {
    return this.dataSource.transaction(async (manager) => {
      const policy = await this.policy.active(manager);
      enforce(checkStaffFootageAccess(policy, reason));
      const { recording, ownerId } = await this.recordings.findWithOwner(recordingId);
      await this.audit.record(manager, {
        actor: actorOf(staff),
        action: STAFF_VIEWED,
        subject: `user:${ownerId}`,
        // Whether the owner's access log lists it is decided now, by the policy of the moment.
        data: { recordingId, reason: reason?.trim() || null, shownToOwner: policy.staffFootageAccess === 'reason-required', policy: policy.profile },
      });
      return recording;
    });
  }
}
