import type { RandomStream } from './random.js';
import type { OwnerKind } from '../town/town.js';

/** When an asked owner answers, and what: or never (they ignore it). */
export interface PlannedAnswer {
  afterMs: number;
  decision: 'share' | 'decline';
}

const HOUR_MS = 3_600_000;

/**
 * An owner asked for footage (SIMULATOR.md, "Owners"): their kind decides what they would answer;
 * whether they answer at all is a chance after being asked and again after each reminder the
 * request's policy sends (a reminder's chance is half the first), each after a log-normal delay.
 * `stream` is the owner's own for this request, so what they would do is the same whatever the policy.
 */
export function planAnswer(
  kind: OwnerKind,
  serious: boolean,
  owners: { answerProbability: number; responseDelayHours: { median: number; sigma: number } },
  reminderOffsetsSeconds: readonly number[],
  stream: RandomStream,
): PlannedAnswer | null {
  const decision = kind === 'always' || (kind === 'serious' && serious) ? 'share' : 'decline';
  const delay = () => stream.logNormal(owners.responseDelayHours.median, owners.responseDelayHours.sigma) * HOUR_MS;
  if (stream.chance(owners.answerProbability)) return { afterMs: delay(), decision };
  for (const offset of reminderOffsetsSeconds) {
    if (stream.chance(owners.answerProbability / 2)) return { afterMs: offset * 1000 + delay(), decision };
  }
  return null;
}
