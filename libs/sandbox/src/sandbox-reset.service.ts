import { AppConfig } from '@app/config';
import { TokenService } from '@app/identity';
import { RealtimeEmitter } from '@app/notifications';
import { PolicyService } from '@app/policy';
import { DEPLOYMENT_QUEUES, REDIS, withTimeout } from '@app/queue';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ResetResponse } from './dto/sandbox.responses.js';
import { WorldEraser } from './world-eraser.js';
import { SandboxRedisUnavailableError } from './sandbox.errors.js';

const QUEUE_CLEAN_TIMEOUT_MS = 5_000;

/**
 * `POST /api/sandbox/reset`: a new, empty world. It answers only once the tables are empty but for
 * the new admin and the `sandbox.reset` audit event, the clock is real time again, the old
 * world's dead letters are gone and its sockets are closed. Jobs of the old world still queued or
 * running do nothing once it is gone (libs/world), so the queues need not be emptied of them.
 */
@Injectable()
export class SandboxResetService {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(DEPLOYMENT_QUEUES) private readonly queues: Queue[],
    private readonly config: AppConfig,
    private readonly eraser: WorldEraser,
    private readonly tokens: TokenService,
    private readonly realtime: RealtimeEmitter,
    private readonly policies: PolicyService,
  ) {}

  async reset(): Promise<ResetResponse> {
    // First, so that nothing is reset when Redis is away.
    await this.clearRateLimits();
    // The policy row is emptied too: a process keeping the policy in memory reads it again.
    const { admin } = await this.eraser.erase().finally(() => this.policies.forget());
    await this.clearQueueHistory();
    // The users are gone, so their sockets may not stay: a socket is authenticated only once.
    this.realtime.disconnectEveryone();
    return { adminToken: this.tokens.issue(admin) };
  }

  /** Login rate-limit counters of this deployment (other deployments may share the Redis). */
  private async clearRateLimits(): Promise<void> {
    try {
      const stream = this.redis.scanStream({ match: `${this.config.redis.queuePrefix}:throttle:*`, count: 500 });
      for await (const keys of stream as AsyncIterable<string[]>) {
        if (keys.length > 0) await this.redis.unlink(...keys);
      }
    } catch {
      throw new SandboxRedisUnavailableError(false);
    }
  }

  /** Failed jobs (the dead letters) and completed ones are the old world's history. */
  private async clearQueueHistory(): Promise<void> {
    const cleaning = Promise.all(this.queues.flatMap((queue) => [queue.clean(0, 0, 'failed'), queue.clean(0, 0, 'completed')]));
    try {
      await withTimeout(cleaning, QUEUE_CLEAN_TIMEOUT_MS, 'Redis');
    } catch {
      throw new SandboxRedisUnavailableError(true);
    }
  }
}
