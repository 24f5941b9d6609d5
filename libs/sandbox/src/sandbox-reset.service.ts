import { AuditService } from '@app/audit';
import { AppConfig } from '@app/config';
import { ServiceUnavailableError } from '@app/errors';
import { TokenService, UsersService } from '@app/identity';
import { REDIS } from '@app/queue';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import type { ResetResponse } from './dto/sandbox.responses.js';

// TypeORM's migration history and PostGIS's reference data are the schema, not the sandbox's data.
const KEPT_TABLES = ['migration', 'spatial_ref_sys'];

@Injectable()
export class SandboxResetService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Empties every table (those of later migrations too: the list is read at run time), which
   * also puts the clock back to real time, and starts a new audit chain with the reset itself.
   */
  async reset(): Promise<ResetResponse> {
    // First, so that nothing is reset when Redis is away.
    await this.clearRateLimits();
    const admin = await this.dataSource.transaction(async (manager) => {
      // The audit table's trigger refuses TRUNCATE unless this is set for the transaction.
      await manager.query(`SET LOCAL porchlight.allow_truncate = 'on'`);
      const tables: { tablename: string }[] = await manager.query(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> ALL($1) ORDER BY tablename`,
        [KEPT_TABLES],
      );
      const names = tables.map(({ tablename }) => tablename);
      await manager.query(`TRUNCATE ${names.map(quoteIdentifier).join(', ')} RESTART IDENTITY CASCADE`);
      // Before the admin exists, so the reset is the first event of the new chain.
      await this.audit.record(manager, { actor: 'system', action: 'sandbox.reset', subject: 'sandbox', data: { tables: names } });
      return this.users.ensureAdmin(manager);
    });
    return { adminToken: this.tokens.issue(admin) };
  }

  /** Login rate-limit counters of this deployment (other deployments may share the Redis). */
  private async clearRateLimits(): Promise<void> {
    try {
      const stream = this.redis.scanStream({ match: `${this.config.redis.queuePrefix}:throttle:*`, count: 500 });
      for await (const keys of stream as AsyncIterable<string[]>) {
        if (keys.length > 0) await this.redis.unlink(...keys);
      }
    } catch (error) {
      throw new ServiceUnavailableError('REDIS_UNAVAILABLE', 'Redis is unreachable; nothing was reset');
    }
  }
}

const quoteIdentifier = (name: string): string => `public."${name.replaceAll('"', '""')}"`;
