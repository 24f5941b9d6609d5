import { AppConfig } from '@app/config';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createPubSubClient } from '@app/queue';
import { Emitter } from '@socket.io/redis-emitter';
import type { Redis } from 'ioredis';
import { REALTIME_NAMESPACE, realtimeKey } from './realtime-rooms.js';

/** Pushes to the api's sockets from a process that runs no socket server (the worker), through the Redis adapter's channels. */
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

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
