import type { PolicyRules } from '../policy.js';
import { violation, type RuleViolation } from './rule-violation.js';

export interface TimeWindow {
  start: Date;
  end: Date;
}

/**
 * The time window of a request. Its shape is checked first (end not before start, not in the
 * future), then the policy: duration within [min, max] and start no earlier than now − lookback,
 * every bound inclusive. Durations are compared in milliseconds, so one millisecond over fails.
 */
export function checkWindow(
  policy: Pick<PolicyRules, 'minWindowSeconds' | 'maxWindowSeconds' | 'maxLookbackSeconds'>,
  window: TimeWindow,
  now: Date,
): RuleViolation | null {
  const { start, end } = window;
  const durationMs = end.getTime() - start.getTime();
  if (durationMs < 0) {
    return violation('WINDOW_INVERTED', 'The window must not end before it starts', {
      start: start.toISOString(),
      end: end.toISOString(),
    });
  }
  if (end.getTime() > now.getTime()) {
    return violation('WINDOW_IN_FUTURE', 'The window must not end in the future', {
      end: end.toISOString(),
      now: now.toISOString(),
    });
  }
  const earliestStart = new Date(now.getTime() - policy.maxLookbackSeconds * 1000);
  if (start.getTime() < earliestStart.getTime()) {
    return violation('POLICY_WINDOW_TOO_OLD', `The window must lie within the last ${policy.maxLookbackSeconds} s`, {
      limitSeconds: policy.maxLookbackSeconds,
      earliestStart: earliestStart.toISOString(),
      start: start.toISOString(),
    });
  }
  if (durationMs < policy.minWindowSeconds * 1000) {
    return violation('POLICY_WINDOW_TOO_SHORT', `The window must last at least ${policy.minWindowSeconds} s`, {
      limitSeconds: policy.minWindowSeconds,
      actualSeconds: durationMs / 1000,
    });
  }
  if (durationMs > policy.maxWindowSeconds * 1000) {
    return violation('POLICY_WINDOW_TOO_LONG', `The window must last at most ${policy.maxWindowSeconds} s`, {
      limitSeconds: policy.maxWindowSeconds,
      actualSeconds: durationMs / 1000,
    });
  }
  return null;
}
