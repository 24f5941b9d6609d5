import { AppConfig } from '@app/config';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Policy } from './domain/policy.js';
import type { RuleViolation } from './domain/rules/rule-violation.js';
import { storedPolicy, type StoredPolicyRow } from './stored-policy.js';
import { PolicyForbidsError, PolicyRuleBrokenError } from './policy.errors.js';

/** Turns a broken rule into the 422 every context answers with. */
export function enforce(violation: RuleViolation | null): void {
  if (violation) throw new PolicyRuleBrokenError(violation);
}

/** Throws 403 naming the rule when the policy closes this door to the caller's role. */
export function enforceAccess(violation: RuleViolation | null): void {
  if (violation) throw new PolicyForbidsError(violation);
}

/**
 * The policy kept in memory by a process that is the whole product (PIPELINES=inline: the
 * simulator's runs), shared by that product's contexts through their one configuration object, as
 * the process clock is. Only this process writes the row (PolicyChanges, the sandbox reset), and
 * each write moves `version`, so a read that began before a write never keeps what it read.
 */
const keptPolicies = new WeakMap<AppConfig, { version: number; policy: Policy | undefined }>();

/** The active policy, for every process that checks a rule. Changing it: PolicyChanges. */
@Injectable()
export class PolicyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /**
   * The policy in force. Pass the transaction's manager when a check must see the same state.
   * Read on every rule check (a plain statement, not the ORM's: it runs more than any other). An
   * inline product reads the row once per change (see keptPolicies); what it keeps is frozen, as
   * every caller then shares it.
   */
  async active(manager: EntityManager = this.dataSource.manager): Promise<Policy> {
    const kept = this.kept;
    if (kept?.policy) return kept.policy;
    const version = kept?.version;
    const rows: StoredPolicyRow[] = await manager.query('SELECT profile, overrides FROM policy_setting WHERE id');
    const policy = storedPolicy(rows[0] ?? null, this.config.policy.defaultProfile);
    if (kept && kept.version === version) kept.policy = deepFreeze(policy);
    return policy;
  }

  /** The stored policy may have changed, or a change may have rolled back: an inline product reads it again. */
  forget(): void {
    const kept = this.kept;
    if (kept) {
      kept.version++;
      kept.policy = undefined;
    }
  }

  private get kept(): { version: number; policy: Policy | undefined } | undefined {
    if (this.config.redis.pipelines !== 'inline') return undefined;
    let kept = keptPolicies.get(this.config);
    if (!kept) keptPolicies.set(this.config, (kept = { version: 0, policy: undefined }));
    return kept;
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}
