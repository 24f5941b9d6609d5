import { Clock } from '@app/clock';
import { AppConfig } from '@app/config';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { RULE_FIELD_NAMES } from './domain/policy-fields.js';
import type { Policy, PolicyRules, ProfileName } from './domain/policy.js';
import { policyProblems, resolvePolicy, type PolicyOverrides } from './domain/resolve-policy.js';
import { PolicySettingEntity } from './entities/policy-setting.entity.js';
import { PolicyChangeRecorder } from './policy-change-recorder.js';
import { PolicyService } from './policy.service.js';
import { storedPolicy } from './stored-policy.js';
import { PolicyChangeEmptyError, PolicyInvalidError } from './policy.errors.js';

/** A PUT body: a profile to switch to and/or fields to change. */
export type PolicyChange = { profile?: ProfileName } & Record<string, unknown>;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Changing the active policy: only where a PolicyChangeRecorder is bound (the api). */
@Injectable()
export class PolicyChanges {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly recorder: PolicyChangeRecorder,
    private readonly policies: PolicyService,
  ) {}

  /**
   * Giving a profile starts again from its shipped values, with only the fields given alongside
   * it changed (so `{profile}` alone also undoes earlier changes). Fields without a profile are
   * changed on top of the active policy. Recorded (the api: audited as `policy.changed`) in the same transaction.
   */
  async update(actor: string, change: PolicyChange): Promise<Policy> {
    // A DTO instance carries every declared field, the absent ones as undefined.
    const { profile: requested, ...given } = change;
    const fields = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
    if (requested === undefined && Object.keys(fields).length === 0) {
      throw new PolicyChangeEmptyError();
    }
    // Whether it commits or rolls back, a process keeping the policy in memory reads it again.
    return this.dataSource.transaction((manager) => this.change(manager, requested, fields, actor)).finally(() => this.policies.forget());
  }

  private async change(manager: EntityManager, requested: ProfileName | undefined, fields: Record<string, unknown>, actor: string): Promise<Policy> {
    // Concurrent changes queue on the row lock instead of overwriting each other's fields; the
    // row is created first (as the default it stands for) so that there is a row to lock.
    await manager.query(
      `INSERT INTO policy_setting (id, profile, updated_at) VALUES (true, $1, $2) ON CONFLICT (id) DO NOTHING`,
      [this.config.policy.defaultProfile, await this.clock.now(manager)],
    );
    const row = await manager.findOne(PolicySettingEntity, { where: { id: true }, lock: { mode: 'pessimistic_write' } });
    const before = storedPolicy(row, this.config.policy.defaultProfile);
    const profile = requested ?? before.profile;
    const base = requested === undefined ? (row?.overrides ?? {}) : {};
    const problems = policyProblems(profile, { ...base, ...fields });
    if (problems.length > 0) throw new PolicyInvalidError(problems);

    const after = resolvePolicy(profile, { ...base, ...fields });
    await manager.upsert(
      PolicySettingEntity,
      { id: true, profile, overrides: this.changedFromProfile(profile, after), updatedAt: await this.clock.now(manager) },
      ['id'],
    );
    const changed = Object.fromEntries(
      RULE_FIELD_NAMES.filter((field) => !same(before[field], after[field])).map((field) => [
        field,
        { from: before[field], to: after[field] },
      ]),
    );
    await this.recorder.record(manager, { actor, from: before.profile, to: after.profile, changed });
    return after;
  }

  /** Only fields that differ from the profile are stored, so the row says what was changed. */
  private changedFromProfile(profile: ProfileName, rules: PolicyOverrides): PolicyOverrides {
    const shipped = resolvePolicy(profile, {});
    return Object.fromEntries(
      Object.entries(rules).filter(([field, value]) => field !== 'profile' && !same(shipped[field as keyof PolicyRules], value)),
    );
  }
}
