import { AppConfig } from '@app/config';
import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createPubSubClient } from '@app/queue';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Redis } from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';
import { realtimeKey } from './realtime-rooms.js';

/**
 * socket.io over Redis pub/sub, so any number of api processes share rooms and the worker's
 * emitter reaches every socket. Its clients reconnect on their own after a Redis outage and
 * resubscribe; pushes published meanwhile are lost, the inbox keeps them.
 */
export class RedisIoAdapter extends IoAdapter {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly key: string;
  private readonly corsOrigins: string[];

  constructor(app: INestApplicationContext, config: AppConfig) {
    super(app);
    this.corsOrigins = config.http.corsOrigins;
    this.pub = createPubSubClient(config.redis.url);
    this.sub = createPubSubClient(config.redis.url);
    this.key = realtimeKey(config.redis.queuePrefix);
  }

  /** CORS as the HTTP routes have it (CORS_ORIGINS): none by default, for the long-polling transport. */
  override createIOServer(port: number, options?: ServerOptions): Server {
    const cors = this.corsOrigins.length > 0 ? { origin: this.corsOrigins } : undefined;
    const server: Server = super.createIOServer(port, { ...options, ...(cors && { cors }) } as ServerOptions);
    server.adapter(createAdapter(this.pub, this.sub, { key: this.key }));
    return server;
  }

  override async dispose(): Promise<void> {
    this.pub.disconnect();
    this.sub.disconnect();
  }
}
