import type { Env } from './env.schema.js';

/** The validated configuration, grouped by concern. Injected wherever a setting is needed. */
export class AppConfig {
  readonly env: Env['NODE_ENV'];
  readonly http: {
    host: string;
    port: number;
    workerHealthPort: number;
    publicUrl: string;
    trustProxyHops: number;
    /** Empty: no CORS headers at all, so no other site's page can read the api's answers. */
    corsOrigins: string[];
    bodyLimitBytes: number;
    requestTimeoutMs: number;
  };
  readonly database: { url: string; poolSize: number; preparedStatements: number };
  /** `pipelines`: how the worker's pipelines run (see Pipelines in libs/queue). */
  readonly redis: { url: string; queuePrefix: string; pipelines: Env['PIPELINES'] };
  readonly auth: {
    jwtSecret: string;
    jwtTtlSeconds: number;
    loginRateLimit: number;
    loginRateWindowSeconds: number;
    adminEmail: string;
    adminPassword: string;
    demoPassword: string | undefined;
  };
  /** `clock`: where sandbox time lives (see Clock in libs/clock). */
  readonly sandbox: { key: string | undefined; tickSeconds: number; settleTimeoutMs: number; clock: Env['SANDBOX_CLOCK'] };
  readonly outbox: { pollMs: number; batchSize: number; enqueueTimeoutMs: number; retentionDays: number };
  readonly notifications: { concurrency: number; batchSize: number };
  readonly feed: {
    posts: { limit: number; windowSeconds: number };
    comments: { limit: number; windowSeconds: number };
    hideAfterReports: number;
  };
  readonly idempotency: { ttlSeconds: number };
  readonly policy: { defaultProfile: Env['DEFAULT_POLICY_PROFILE'] };
  /** `templateUrl`: undefined means DATABASE_URL's database with `_sim` appended (libs/database simTemplateUrl). */
  readonly simulator: { templateUrl: string | undefined; jobs: number };
  readonly log: { level: Env['LOG_LEVEL']; pretty: boolean };

  constructor(env: Env) {
    this.env = env.NODE_ENV;
    this.http = {
      host: env.HOST,
      port: env.PORT,
      workerHealthPort: env.WORKER_HEALTH_PORT,
      trustProxyHops: env.TRUST_PROXY_HOPS,
      corsOrigins: env.CORS_ORIGINS,
      bodyLimitBytes: env.HTTP_BODY_LIMIT_BYTES,
      requestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_MS,
      publicUrl: env.PUBLIC_URL ?? `http://${env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST}:${env.PORT}`,
    };
    this.database = { url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE, preparedStatements: env.DATABASE_PREPARED_STATEMENTS };
    this.redis = { url: env.REDIS_URL, queuePrefix: env.QUEUE_PREFIX, pipelines: env.PIPELINES };
    this.auth = {
      jwtSecret: env.JWT_SECRET,
      jwtTtlSeconds: env.JWT_TTL_SECONDS,
      loginRateLimit: env.LOGIN_RATE_LIMIT,
      loginRateWindowSeconds: env.LOGIN_RATE_WINDOW_SECONDS,
      adminEmail: env.ADMIN_EMAIL.toLowerCase(),
      adminPassword: env.ADMIN_PASSWORD,
      demoPassword: env.DEMO_PASSWORD,
    };
    this.sandbox = {
      key: env.SANDBOX_KEY,
      tickSeconds: env.CLOCK_TICK_SECONDS,
      settleTimeoutMs: env.CLOCK_SETTLE_TIMEOUT_MS,
      clock: env.SANDBOX_CLOCK,
    };
    this.outbox = {
      pollMs: env.OUTBOX_POLL_MS,
      batchSize: env.OUTBOX_BATCH_SIZE,
      enqueueTimeoutMs: env.OUTBOX_ENQUEUE_TIMEOUT_MS,
      retentionDays: env.OUTBOX_RETENTION_DAYS,
    };
    this.notifications = { concurrency: env.NOTIFICATION_CONCURRENCY, batchSize: env.NOTIFICATION_BATCH_SIZE };
    this.feed = {
      posts: { limit: env.FEED_POST_RATE_LIMIT, windowSeconds: env.FEED_RATE_WINDOW_SECONDS },
      comments: { limit: env.FEED_COMMENT_RATE_LIMIT, windowSeconds: env.FEED_RATE_WINDOW_SECONDS },
      hideAfterReports: env.FEED_HIDE_AFTER_REPORTS,
    };
    this.idempotency = { ttlSeconds: env.IDEMPOTENCY_TTL_SECONDS };
    this.policy = { defaultProfile: env.DEFAULT_POLICY_PROFILE };
    this.simulator = { templateUrl: env.SIMULATOR_TEMPLATE_DATABASE_URL, jobs: env.SIMULATOR_JOBS };
    this.log = { level: env.LOG_LEVEL, pretty: env.LOG_PRETTY ?? env.NODE_ENV === 'development' };
  }

  get sandboxEnabled(): boolean {
    return this.sandbox.key !== undefined;
  }
}
