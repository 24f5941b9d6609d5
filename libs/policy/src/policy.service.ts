import { AppConfig } from '@app/config';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Policy } from './domain/policy.js';
import type { RuleViolation } from './domain/rules/rule-violation.js';
import { PolicySettingEntity } from './entities/policy-setting.entity.js';
import { storedPolicy } from './stored-policy.js';
import { PolicyForbidsError, PolicyRuleBrokenError } from './policy.errors.js';

/** Turns a broken rule into the 422 every context answers with. */
export function enforce(violation: RuleViolation | null): void {
  if (violation) throw new PolicyRuleBrokenError(violation);
}

/** Throws 403 naming the rule when the policy closes this door to the caller's role. */
export function enforceAccess(violation: RuleViolation | null): void {
  if (violation) throw new PolicyForbidsError(violation);
}

/** The active policy, for every process that checks a rule. Changing it: PolicyChanges. */
@Injectable()
export class PolicyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** The policy in force. Pass the transaction's manager when a check must see the same state. */
  async active(manager: EntityManager = this.dataSource.manager): Promise<Policy> {
    const row = await manager.findOne(PolicySettingEntity, { where: { id: true } });
    return storedPolicy(row, this.config.policy.defaultProfile);
  }
}
