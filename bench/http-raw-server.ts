// The baseline of `npm run bench -- http`, started by it as a child process: the two routes the
// bench drives, written as directly as Fastify, fast-jwt and pg allow. Each request verifies the
// bearer token and loads its account (so a deleted one is refused, as the api does), then answers
// with the same SQL and the same JSON the api does. Environment: PORT, DATABASE_URL, JWT_SECRET.
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { createVerifier } from 'fast-jwt';
import pg from 'pg';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

// As many connections as the api's pool (DATABASE_POOL_SIZE's default).
const db = new pg.Pool({ connectionString: env('DATABASE_URL'), max: 10 });
// fast-jwt caches the key it derives from the secret: no per-call cost to avoid here.
const verify = createVerifier({ key: env('JWT_SECRET'), algorithms: ['HS256'] });

interface UserRow {
  id: string;
  email: string;
  displayName: string;
  role: string;
  agencyId: string | null;
  createdAt: Date;
}

const USER_BY_ID = `SELECT id, email, display_name AS "displayName", role, agency_id AS "agencyId", created_at AS "createdAt"
                    FROM app_user WHERE id = $1`;
const NOTIFICATION_PAGE = `SELECT id, user_id AS "userId", type, title, body, data, created_at AS "createdAt", read_at AS "readAt"
                           FROM notification
                           WHERE user_id = $1 AND (NOT $2::boolean OR read_at IS NULL)
                             AND ($3::timestamptz IS NULL OR (created_at, id) < ($3::timestamptz, $4::uuid))
                           ORDER BY created_at DESC, id DESC
                           LIMIT 21`;
const UNREAD_COUNT = 'SELECT count(*)::int AS count FROM notification WHERE user_id = $1 AND read_at IS NULL';

/** The caller's account, or a 401 sent. */
async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<UserRow | undefined> {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
  try {
    const { sub } = verify(token ?? '') as { sub: string };
    const { rows } = await db.query<UserRow>(USER_BY_ID, [sub]);
    if (rows[0]) return rows[0];
  } catch {
    // an invalid or expired token: 401 below
  }
  await reply.code(401).send({ statusCode: 401, error: 'Unauthorized', message: 'Unauthorized' });
  return undefined;
}

const app = Fastify({ logger: false });

app.get('/api/me', async (request, reply) => {
  const user = await authenticate(request, reply);
  if (!user) return reply;
  return { ...user, createdAt: user.createdAt.toISOString() };
});

app.get('/api/me/notifications', async (request, reply) => {
  const user = await authenticate(request, reply);
  if (!user) return reply;
  const [page, unread] = await Promise.all([
    db.query(NOTIFICATION_PAGE, [user.id, false, null, null]),
    db.query<{ count: number }>(UNREAD_COUNT, [user.id]),
  ]);
  const items = page.rows.slice(0, 20).map((row) => ({
    id: row.id,
    type: row.type,
    title: row.title,
    body: row.body,
    data: row.data,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  }));
  const last = items.at(-1);
  const nextCursor = page.rows.length > 20 && last ? Buffer.from(JSON.stringify({ at: last.createdAt, id: last.id })).toString('base64url') : null;
  return { items, nextCursor, unreadCount: unread.rows[0]!.count };
});

app.get('/health/ready', async () => ({ status: 'ok' }));

await app.listen({ port: Number(env('PORT')), host: '127.0.0.1' });
