import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';

/** Where `npm run build:console` puts the classroom console, from the project's root (where the api runs). */
export const CONSOLE_DIR = resolve('apps/console/dist');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.geojson': 'application/geo+json',
};

/** Every file under `dir`, as paths relative to it with forward slashes. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/**
 * The classroom console at `/`: its built files, read once at start and served by the api itself
 * (no CDN, so a class works offline). Each file is a route of its own, so nothing else can be
 * reached and every other path keeps the api's JSON 404; the build's report (build.json) is not
 * served. The files are a few kilobytes, so they are kept in memory rather than streamed. Not
 * @fastify/static: registered a second time here (Swagger UI registers it first), it made
 * test/slow/notifications-outage fail every time (no push reached a socket after a Redis outage),
 * for a reason not found yet. Without a build (the api run on its own, unbuilt) there is no
 * console and the api says so.
 */
export function serveConsole(app: NestFastifyApplication): boolean {
  if (!existsSync(join(CONSOLE_DIR, 'index.html'))) return false;
  const fastify = app.getHttpAdapter().getInstance();
  for (const file of filesUnder(CONSOLE_DIR)) {
    const type = CONTENT_TYPES[extname(file)];
    if (type === undefined) continue;
    const content = readFileSync(join(CONSOLE_DIR, file));
    // no-cache: browsers ask again, so a console rebuilt (and the api restarted) is taken at once.
    const send = (_request: unknown, reply: FastifyReply) => reply.type(type).header('cache-control', 'no-cache').send(content);
    fastify.get(`/${file}`, send);
    if (file === 'index.html') fastify.get('/', send);
  }
  return true;
}
