import type { AppConfig } from '@app/config';
import type { OutgoingHttpHeaders } from 'node:http';
import type { INestApplicationContext, ModuleMetadata } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { ApiModule } from '../../apps/api/src/api.module.js';
import { configureApp, createFastifyAdapter } from '../../apps/api/src/configure-app.js';
import { WorkerModule } from '../../apps/worker/src/worker.module.js';
import { createOpenApiValidator, type ObservedResponse, type OpenApiDocument, type ResponseValidator } from './openapi-validator.js';

export interface HttpResponse<T = any> {
  status: number;
  body: T;
  headers: OutgoingHttpHeaders;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** The client's address as the server sees it (default 127.0.0.1). */
  remoteAddress?: string;
}

export interface TestApi {
  app: NestFastifyApplication;
  /** Every route Fastify registered, as `METHOD /path` (HEAD excluded). */
  routes: string[];
  request<T = any>(method: string, url: string, options?: RequestOptions): Promise<HttpResponse<T>>;
  close(): Promise<void>;
}

/**
 * The real api (same configureApp as main.ts) on a per-file config; requests via inject. Every
 * answer is checked against the OpenAPI document this api serves, so a test that sees the api
 * differ from its document fails, whatever it was testing.
 */
export async function startApi(config: AppConfig): Promise<TestApi> {
  const moduleRef = await Test.createTestingModule({ imports: [ApiModule.forRoot(config)] }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(config.http), { logger: false });
  const routes: string[] = [];
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push(`${method} ${route.url}`);
    });
  await configureApp(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  // The document depends on the config (the sandbox routes exist only with a key): read it from
  // this app, once, on the first request.
  let validator: Promise<ResponseValidator> | undefined;
  const validate = async (response: ObservedResponse) => {
    validator ??= app.inject({ method: 'GET', url: '/docs-json' }).then((document) => createOpenApiValidator(document.json<OpenApiDocument>()));
    (await validator)(response);
  };
  return {
    app,
    routes,
    async request(method, url, { token, body, headers = {}, remoteAddress } = {}) {
      const response = await app.inject({
        method: method as 'GET',
        url,
        remoteAddress,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body !== undefined && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        payload: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = response.body;
      const isJson = String(response.headers['content-type'] ?? '').includes('json');
      const answer = { status: response.statusCode, body: isJson && text ? JSON.parse(text) : text, headers: response.headers };
      await validate({ method, url, ...answer });
      return answer;
    },
    close: () => app.close(),
  };
}

/**
 * The real worker module (relay, processors, clock tick) in this test process, without HTTP.
 * `imports` adds test modules, e.g. one registering outbox handlers before processing starts.
 */
export async function startWorker(
  config: AppConfig,
  imports: NonNullable<ModuleMetadata['imports']> = [],
): Promise<INestApplicationContext> {
  const moduleRef = await Test.createTestingModule({ imports: [WorkerModule.forRoot(config), ...imports] }).compile();
  moduleRef.useLogger(false);
  return moduleRef.init();
}
