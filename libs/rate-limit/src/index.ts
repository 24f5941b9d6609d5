// Fixed-window limits in Redis, shared by every api process: the login limit (identity) and
// per-user limits on routes (@UserRateLimit).
export { ApiRateLimited, rateLimitHeaders, withHeaders } from './rate-limit-docs.js';
export { RateLimitModule } from './rate-limit.module.js';
export { RateLimitUnavailableError, UserRateLimitedError } from './rate-limit.errors.js';
export { countAttempt, type Limit } from './rate-limiter.js';
export { RedisThrottlerStorage } from './redis-throttler.storage.js';
export { UserRateLimit, UserRateLimitGuard } from './user-rate-limit.js';
