import 'reflect-metadata';
import { runWithConfig } from '@app/config';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiModule } from './api.module.js';
import { configureApp, createFastifyAdapter } from './configure-app.js';

await runWithConfig(async (config) => {
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config), createFastifyAdapter(config.http), {
    bufferLogs: true,
  });
  await configureApp(app);
  await app.listen(config.http.port, config.http.host);
});
