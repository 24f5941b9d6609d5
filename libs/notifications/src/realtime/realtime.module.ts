import { Module } from '@nestjs/common';
import { RealtimeEmitter } from './realtime-emitter.js';

/** Pushing to sockets without running a socket server: the worker's fan-out, the sandbox reset. */
@Module({ providers: [RealtimeEmitter], exports: [RealtimeEmitter] })
export class RealtimeModule {}
