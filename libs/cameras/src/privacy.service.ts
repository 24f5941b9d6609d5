import { AuditService } from '@app/audit';
import { actorOf } from '@app/auth';
import { Clock } from '@app/clock';
import {
  effectivePoliceRequests,
  effectiveRetentionDays,
  PolicyService,
  type PoliceRequestsChoice,
  type Policy,
} from '@app/policy';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { PrivacySettingEntity } from './entities/privacy-setting.entity.js';
import { PrivacyRepository } from './privacy.repository.js';
import { PrivacyChangeEmptyError } from './cameras.errors.js';
import { PRIVACY_UPDATED } from './cameras.events.js';

/** What an owner's settings amount to under the active policy, and which ones are its defaults. */
export interface PrivacyView {
  policeRequests: PoliceRequestsChoice;
  policeRequestsIsDefault: boolean;
  retentionDays: number;
  retentionDaysIsDefault: boolean;
  endToEndEncryption: boolean;
}

/** A partial change; null puts a choice back to "never chose" (the policy default). */
export interface PrivacyChange {
  policeRequests?: PoliceRequestsChoice | null;
  retentionDays?: number | null;
  endToEndEncryption?: boolean;
}

const FIELDS = ['policeRequests', 'retentionDays', 'endToEndEncryption'] as const;

type Stored = Pick<PrivacySettingEntity, (typeof FIELDS)[number]>;

const UNSET: Stored = { policeRequests: null, retentionDays: null, endToEndEncryption: false };

export function privacyView(stored: Stored | null, policy: Policy): PrivacyView {
  const own = stored ?? UNSET;
  return {
    policeRequests: effectivePoliceRequests(own.policeRequests, policy),
    policeRequestsIsDefault: own.policeRequests === null,
    retentionDays: effectiveRetentionDays(own.retentionDays, policy),
    retentionDaysIsDefault: own.retentionDays === null,
    endToEndEncryption: own.endToEndEncryption,
  };
}

const pick = (stored: Stored, fields: readonly (keyof Stored)[]) => Object.fromEntries(fields.map((field) => [field, stored[field]]));

/** A resident's privacy settings. Choices never made stay unset, so a policy switch changes them. */
@Injectable()
export class PrivacyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: PrivacyRepository,
    private readonly policy: PolicyService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async view(userId: string): Promise<PrivacyView> {
    const [stored, policy] = await Promise.all([this.settings.find(this.dataSource.manager, userId), this.policy.active()]);
    return privacyView(stored, policy);
  }

  /** Audited as `privacy.updated` with the stored values before and after (null = unset). */
  update(userId: string, change: PrivacyChange): Promise<PrivacyView> {
    const fields = FIELDS.filter((field) => change[field] !== undefined);
    if (fields.length === 0) {
      throw new PrivacyChangeEmptyError(FIELDS);
    }
    return this.dataSource.transaction(async (manager) => {
      const now = await this.clock.now(manager);
      await this.settings.lockOwner(manager, userId);
      const setting = await this.settings.lockOrCreate(manager, userId, now);
      const before = pick(setting, fields);
      Object.assign(setting, pick(change as Stored, fields), { updatedAt: now });
      await this.settings.save(manager, setting);
      // Coverage reads the copy on the cameras, the purge the one on the recordings: both change
      // in this same transaction.
      await this.settings.copyToCameras(manager, userId, setting);
      if (fields.includes('retentionDays')) await this.settings.copyRetentionToRecordings(manager, userId, setting.retentionDays);
      const actor = actorOf({ id: userId });
      await this.audit.record(manager, {
        actor,
        action: PRIVACY_UPDATED,
        subject: actor,
        data: { from: before, to: pick(setting, fields) },
      });
      return privacyView(setting, await this.policy.active(manager));
    });
  }
}
