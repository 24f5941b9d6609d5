import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();
const postgresUrl = z.url().refine((url) => /^postgres(ql)?:\/\//.test(url), 'must be a postgres:// URL');

/**
 * Every environment variable Porchlight reads. The README's configuration table mirrors this
 * schema; a value that does not parse stops the process with the variable's name.
 */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: port.default(3000),
    WORKER_HEALTH_PORT: port.default(3001),
    PUBLIC_URL: z.url().optional(),
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    // Origins whose pages may call the api from a browser (CORS); none by default: the console is same-origin.
    CORS_ORIGINS: z
      .string()
      .default('')
      .transform((list) => list.split(',').map((origin) => origin.trim()).filter((origin) => origin !== ''))
      .pipe(z.array(z.string().regex(/^https?:\/\/[^/\s?#]+$/, 'each must be an origin such as https://example.org (scheme and host, no path)')).max(50)),
    HTTP_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(1024 * 1024),
    // The longest an api answer may take: then 503 REQUEST_TIMEOUT, whatever the route was waiting for.
    HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(60_000),
    DATABASE_URL: postgresUrl.default('postgres://postgres@127.0.0.1:5432/porchlight'),
    DATABASE_POOL_SIZE: positiveInt.default(10),
    // How many statement texts each process prepares once per connection (libs/database); 0: none.
    DATABASE_PREPARED_STATEMENTS: z.coerce.number().int().min(0).max(100_000).default(1000),
    REDIS_URL: z
      .url()
      .refine((url) => /^rediss?:\/\//.test(url), 'must be a redis:// URL')
      .default('redis://127.0.0.1:6379'),
    QUEUE_PREFIX: z.string().regex(/^[a-z0-9_-]+$/i, 'letters, digits, _ and - only').default('porchlight'),
    PIPELINES: z.enum(['queued', 'inline']).default('queued'),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters'),
    JWT_TTL_SECONDS: positiveInt.default(3600),
    LOGIN_RATE_LIMIT: positiveInt.default(5),
    LOGIN_RATE_WINDOW_SECONDS: positiveInt.default(60),
    FEED_POST_RATE_LIMIT: positiveInt.default(20),
    FEED_COMMENT_RATE_LIMIT: positiveInt.default(60),
    FEED_RATE_WINDOW_SECONDS: positiveInt.default(600),
    FEED_HIDE_AFTER_REPORTS: positiveInt.default(3),
    ADMIN_EMAIL: z.email().default('admin@porchlight.local'),
    ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters'),
    SANDBOX_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
    DEMO_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
    CLOCK_TICK_SECONDS: positiveInt.default(60),
    SANDBOX_CLOCK: z.enum(['database', 'process']).default('database'),
    CLOCK_SETTLE_TIMEOUT_MS: positiveInt.default(30000),
    OUTBOX_POLL_MS: positiveInt.default(250),
    OUTBOX_BATCH_SIZE: positiveInt.max(10000).default(500),
    OUTBOX_ENQUEUE_TIMEOUT_MS: positiveInt.default(5000),
    OUTBOX_RETENTION_DAYS: positiveInt.max(3650).default(7),
    NOTIFICATION_CONCURRENCY: positiveInt.max(200).default(8),
    NOTIFICATION_BATCH_SIZE: positiveInt.max(10000).default(1000),
    IDEMPOTENCY_TTL_SECONDS: positiveInt.default(24 * 3600),
    // The profile in force until an admin picks one (and again after a sandbox reset).
    DEFAULT_POLICY_PROFILE: z.enum(['ring-2019', 'ring-2021', 'privacy-by-design', 'ring-2025']).default('ring-2019'),
    // The migrated, empty database each simulator run of a comparison clones (default: DATABASE_URL's database + `_sim`).
    SIMULATOR_TEMPLATE_DATABASE_URL: postgresUrl.optional(),
    // Simulator runs a worker runs at once for a comparison, each in a process of its own.
    SIMULATOR_JOBS: positiveInt.max(16).default(2),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOG_PRETTY: bool.optional(),
  })
  .refine((env) => env.NODE_ENV !== 'production' || env.SANDBOX_KEY === undefined || env.SANDBOX_KEY.length >= 32, {
    path: ['SANDBOX_KEY'],
    message: 'must be at least 32 characters in production',
  })
  // A clock move waits up to CLOCK_SETTLE_TIMEOUT_MS for due jobs, and answers 'pending' then: it must not be cut short first.
  .refine((env) => env.HTTP_REQUEST_TIMEOUT_MS > env.CLOCK_SETTLE_TIMEOUT_MS, {
    path: ['HTTP_REQUEST_TIMEOUT_MS'],
    message: 'must be longer than CLOCK_SETTLE_TIMEOUT_MS (a clock move waits that long for due jobs)',
  })
  // A clock only this process knows is right only where no other process works on the world.
  .refine((env) => env.SANDBOX_CLOCK === 'database' || env.PIPELINES === 'inline', {
    path: ['SANDBOX_CLOCK'],
    message: 'may be process only with PIPELINES=inline (no other process shares the world)',
  });

export type Env = z.infer<typeof envSchema>;
