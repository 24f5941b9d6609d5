import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PolicyOverrides } from '../domain/resolve-policy.js';
import type { ProfileName } from '../domain/policy.js';

/** The single row (id is always true) naming the active profile and the fields changed on it. */
@Entity('policy_setting')
export class PolicySettingEntity {
  @PrimaryColumn({ type: 'boolean', default: true })
  id!: boolean;

  @Column({ type: 'text' })
  profile!: ProfileName;

  @Column({ type: 'jsonb', default: {} })
  overrides!: PolicyOverrides;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}
