import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * What identifies a comparison's result: the scenario exactly as it runs (after scaling and
 * seeding, so an edited scenario file is a new key) and the policies in order. A run is
 * deterministic for these, so one result serves every later ask.
 */
export function comparisonCacheKey(scenario: object, policies: readonly string[]): string {
  return createHash('sha256').update(canonicalize({ scenario, policies })!).digest('hex');
}
