import { Writable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import Fastify from 'fastify';
import { pinoHttp } from 'pino-http';
import { requestIdOf } from '../logging.module.js';
import { logRequests } from '../request-log.js';

/** A Fastify app with the api's request log, writing its lines into an array. */
async function loggedApp(level = 'info') {
  const lines: Record<string, any>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const app = Fastify({ genReqId: requestIdOf });
  // Built as nestjs-pino builds the api's root logger (pino-http's, with its serializers).
  logRequests(app, pinoHttp({ level }, sink).logger);
  app.get('/ok', async () => ({ ok: true }));
  app.get('/boom', async () => {
    throw new Error('boom');
  });
  await app.ready();
  return { app, lines };
}

describe('the request log', () => {
  it('writes one line per request, with the id the client sent, at a level that follows the status', async () => {
    const { app, lines } = await loggedApp();
    await app.inject({ method: 'GET', url: '/ok', headers: { 'x-request-id': 'req-1' } });
    await app.inject({ method: 'GET', url: '/nowhere', headers: { 'x-request-id': 'req-2' } });
    await app.inject({ method: 'GET', url: '/boom', headers: { 'x-request-id': 'req-3' } });
    expect(lines.map(({ level, reqId, method, url, statusCode, msg }) => [level, reqId, method, url, statusCode, msg])).toEqual([
      [30, 'req-1', 'GET', '/ok', 200, 'request completed'],
      [40, 'req-2', 'GET', '/nowhere', 404, 'request completed'],
      [50, 'req-3', 'GET', '/boom', 500, 'request completed'],
    ]);
    expect(typeof lines[0]!.responseTime).toBe('number');
  });

  it('keeps a ?token= (the queue board browser login) and every header out of the line', async () => {
    const { app, lines } = await loggedApp();
    await app.inject({ method: 'GET', url: '/ok?token=a.b.c&x=1', headers: { authorization: 'Bearer a.b.c' } });
    expect(lines[0]!.url).toBe('/ok?token=[REDACTED]&x=1');
    expect(JSON.stringify(lines[0])).not.toContain('a.b.c');
  });

  it('writes nothing below the configured level (LOG_LEVEL=warn keeps refusals and errors)', async () => {
    const { app, lines } = await loggedApp('warn');
    await app.inject({ method: 'GET', url: '/ok' });
    await app.inject({ method: 'GET', url: '/nowhere' });
    expect(lines.map(({ statusCode }) => statusCode)).toEqual([404]);
  });
});
