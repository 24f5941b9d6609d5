import { NotFoundError, ServiceUnavailableError } from '@app/errors';

/** Every error the comparisons answer with. */

export class ComparisonNotFoundError extends NotFoundError {
  constructor() {
    super('Comparison', 'COMPARISON_NOT_FOUND');
  }
}

/** Redis did not take the job: the comparison is marked failed, so asking again queues it anew. */
export class ComparisonQueueUnavailableError extends ServiceUnavailableError {
  constructor() {
    super('REDIS_UNAVAILABLE', 'Redis is unreachable, so the comparison could not be queued; ask again');
  }
}
