import type { ProfileName } from '@app/policy';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ComparisonResult, ScenarioSummary } from './simulator.ports.js';

export const COMPARISON_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ComparisonStatus = (typeof COMPARISON_STATUSES)[number];

/**
 * A shipped scenario run under several policies, asked for from the console and run by a worker.
 * Not the sandbox world's data: a reset keeps it, so a second visit is instant whatever the class
 * did in between. `cacheKey` identifies what was run (the scenario as run and the policies): the
 * same key gives the same result, so it is run once unless it failed.
 */
@Entity('simulation_comparison')
export class ComparisonEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  cacheKey: string;

  @Column('jsonb')
  summary: ScenarioSummary;

  @Column('jsonb')
  scenario: object;

  @Column('text', { array: true })
  policies: ProfileName[];

  @Column('text')
  status: ComparisonStatus;

  /** Simulated days done, by policy. */
  @Column('jsonb')
  daysDone: Partial<Record<ProfileName, number>>;

  @Column('jsonb', { nullable: true })
  result: ComparisonResult | null;

  @Column('text', { nullable: true })
  error: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  startedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  finishedAt: Date | null;
}
