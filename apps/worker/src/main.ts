import 'reflect-metadata';
import { ComparisonsModule } from '@app/comparisons';
import { runWithConfig } from '@app/config';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { PoolComparisonRunner } from '../../sim/src/hosted/pool-comparison-runner.js';
import { WorkerModule } from './worker.module.js';

await runWithConfig(async (config) => {
  const app = await NestFactory.create<NestFastifyApplication>(
    WorkerModule.forRoot(config, [ComparisonsModule.forWorker(PoolComparisonRunner)]),
    new FastifyAdapter(),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.listen(config.http.workerHealthPort, config.http.host);
});
