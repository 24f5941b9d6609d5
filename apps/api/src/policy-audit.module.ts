import { AuditModule, AuditService } from '@app/audit';
import { POLICY_CHANGED, PolicyChangeRecorder, type RecordedPolicyChange } from '@app/policy';
import { Global, Injectable, Module } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A policy change goes into the audit log as `policy.changed`, in the change's transaction. */
@Injectable()
class AuditedPolicyChanges extends PolicyChangeRecorder {
  constructor(private readonly audit: AuditService) {
    super();
  }

  async record(manager: EntityManager, { actor, ...data }: RecordedPolicyChange): Promise<void> {
    await this.audit.record(manager, { actor, action: POLICY_CHANGED, subject: 'policy', data });
  }
}

/**
 * Binds policy's recorder port to the audit log. Here, in the app that composes both, because
 * policy and audit are leaves: neither may import the other.
 */
@Global()
@Module({
  imports: [AuditModule],
  providers: [{ provide: PolicyChangeRecorder, useClass: AuditedPolicyChanges }],
  exports: [PolicyChangeRecorder],
})
export class PolicyAuditModule {}
