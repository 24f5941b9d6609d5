import { AuditService } from '@app/audit';
import { type UserEntity, UsersService } from '@app/identity';
import { World } from '@app/world';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import { retryDelayMs } from './domain/retry-delay.js';
import { SandboxBusyError } from './sandbox.errors.js';
import { SANDBOX_RESET } from './sandbox.events.js';

// TypeORM's migration history and PostGIS's reference data are the schema, not the sandbox's
// data; the world's generation must outlive the world it counts; simulator comparisons are of
// shipped scenarios, not of the world, and a class resetting for a lesson keeps them.
const KEPT_TABLES = ['migration', 'spatial_ref_sys', 'sandbox_world', 'simulation_comparison'];
// Application transactions write the outbox and the audit log last. Locking them last too means a
// reset that waits for such a transaction does not already hold what the transaction still needs.
const LOCKED_LAST = ['outbox_event', 'audit_event'];

/** Work of the old world still running (a due task, a fan-out batch) is waited for this long. */
const FENCE_TIMEOUT_MS = 5_000;
/**
 * Each table lock is waited for this long. Far below PostgreSQL's deadlock_timeout (1 s), so when
 * the reset and an api transaction wait for each other, the reset gives way first (and tries
 * again) instead of PostgreSQL cancelling the api's transaction.
 */
const TABLE_LOCK_TIMEOUT_MS = 100;
/** How long a reset keeps trying before it answers 503. */
const DEADLINE_MS = 20_000;

const LOCK_NOT_AVAILABLE = '55P03';
const DEADLOCK_DETECTED = '40P01';

export interface ErasedWorld {
  admin: UserEntity;
  generation: number;
}

/**
 * Empties every table (those of later migrations too: the list is read at run time) in one
 * transaction, which also puts the clock back to real time, and starts the next world with its
 * admin and the reset as event 1 of a new audit chain.
 *
 * TRUNCATE takes its ACCESS EXCLUSIVE locks one table at a time, while api and worker
 * transactions hold some of them and wait for others: a deadlock that PostgreSQL resolves by
 * cancelling one side. So the reset first holds the world's fence (no job of the old world is
 * running, none can start), then takes every table lock up front, each with a short timeout; when
 * one does not come in time, it rolls back, backs off and tries again.
 */
@Injectable()
export class WorldEraser {
  private readonly logger = new Logger(WorldEraser.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly world: World,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  async erase(): Promise<ErasedWorld> {
    const deadline = Date.now() + DEADLINE_MS;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction((manager) => this.eraseIn(manager));
      } catch (error) {
        if (!isLockConflict(error)) throw error;
        const delay = retryDelayMs(attempt, Math.random());
        if (Date.now() + delay > deadline) {
          throw new SandboxBusyError(DEADLINE_MS / 1000);
        }
        this.logger.debug({ attempt, code: codeOf(error) }, 'sandbox reset met a lock conflict; trying again');
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  private async eraseIn(manager: EntityManager): Promise<ErasedWorld> {
    await manager.query(`SET LOCAL lock_timeout = '${FENCE_TIMEOUT_MS}ms'`);
    const generation = await this.world.advance(manager);
    await manager.query(`SET LOCAL lock_timeout = '${TABLE_LOCK_TIMEOUT_MS}ms'`);
    // The audit table's trigger refuses TRUNCATE unless this is set for the transaction.
    await manager.query(`SET LOCAL porchlight.allow_truncate = 'on'`);
    const tables = await this.tablesToEmpty(manager);
    const names = tables.map(quoteIdentifier).join(', ');
    await manager.query(`LOCK TABLE ${names} IN ACCESS EXCLUSIVE MODE`);
    await manager.query(`TRUNCATE ${names} RESTART IDENTITY CASCADE`);
    const admin = await this.users.createAdminAfterReset(manager);
    await this.audit.record(manager, {
      actor: 'system',
      action: SANDBOX_RESET,
      subject: 'sandbox',
      data: { tables, generation, admin: `user:${admin.id}` },
    });
    return { admin, generation };
  }

  private async tablesToEmpty(manager: EntityManager): Promise<string[]> {
    const rows: { tablename: string }[] = await manager.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> ALL($1) ORDER BY tablename`,
      [KEPT_TABLES],
    );
    const names = rows.map(({ tablename }) => tablename);
    return [...names.filter((name) => !LOCKED_LAST.includes(name)), ...LOCKED_LAST.filter((name) => names.includes(name))];
  }
}

const codeOf = (error: unknown): string | undefined =>
  error instanceof QueryFailedError ? (error.driverError as { code?: string }).code : undefined;

const isLockConflict = (error: unknown): boolean => [LOCK_NOT_AVAILABLE, DEADLOCK_DETECTED].includes(codeOf(error) ?? '');

const quoteIdentifier = (name: string): string => `public."${name.replaceAll('"', '""')}"`;
