export { Idempotent } from './idempotent.decorator.js';
export { IdempotencyModule } from './idempotency.module.js';
export { IDEMPOTENCY_PURGE_TASK, IdempotencyPurgeModule } from './idempotency-purge.module.js';
