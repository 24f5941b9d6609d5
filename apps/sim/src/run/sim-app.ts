import type { AppConfig } from '@app/config';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApiModule } from '../../../api/src/api.module.js';
import { WorkerModule } from '../../../worker/src/worker.module.js';

/**
 * The product as a run uses it: the api's modules (without HTTP: the run calls its services) and
 * the worker's (outbox relay, fan-out, due tasks), in this process, on the run's own database and
 * queue prefix. Every effect goes through the same services and jobs as in a deployment.
 */
export interface SimApp {
  api: INestApplicationContext;
  worker: INestApplicationContext;
  close(): Promise<void>;
}

export async function startSimApp(config: AppConfig): Promise<SimApp> {
  const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
  const api = await NestFactory.createApplicationContext(ApiModule.forRoot(config), { logger: false });
  return {
    api,
    worker,
    async close() {
      await api.close();
      await worker.close();
    },
  };
}
