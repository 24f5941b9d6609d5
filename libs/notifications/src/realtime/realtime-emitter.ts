import { AppConfig } from '@app/config';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createPubSubClient } from '@app/queue';
import { Emitter } from '@socket.io/redis-emitter';
import type { Redis } from 'ioredis';
import { REALTIME_NAMESPACE, realtimeKey } from './realtime-rooms.js';

/**
 * Pushes to the api's sockets from any process, through the Redis adapter's channels: the worker
 * runs no socket server, and the sandbox reset must reach the sockets of every api process.
 */
@Injectable()
export class RealtimeEmitter implements OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly emitter: Emitter;

  constructor(config: AppConfig) {
    this.redis = createPubSubClient(config.redis.url);
    this.emitter = new Emitter(this.redis, { key: realtimeKey(config.redis.queuePrefix) }).of(REALTIME_NAMESPACE);
  }

  emit(room: string, event: string, payload: unknown): void {
    this.emitter.to(room).emit(event, payload);
  }

  /** To every api process's namespace (not to clients): each handles it for its own sockets. */
  serverSideEmit(event: string, payload: unknown): void {
    this.emitter.serverSideEmit(event, payload);
  }

  /** Closes every socket of this deployment, on every api process (their clients see 'io server disconnect'). */
  disconnectEveryone(): void {
    this.emitter.disconnectSockets(true);
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
