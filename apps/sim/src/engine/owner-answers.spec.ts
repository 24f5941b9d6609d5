import { describe, expect, it } from '@jest/globals';
import { planAnswer } from './owner-answers.js';
import { keyedStream } from './random.js';

const OWNERS = { answerProbability: 0.6, responseDelayHours: { median: 8, sigma: 1 } };
const REMINDERS = [86_400, 259_200];
const plans = (kind: Parameters<typeof planAnswer>[0], serious: boolean, reminders: number[] = []) =>
  Array.from({ length: 2000 }, (_, owner) => planAnswer(kind, serious, OWNERS, reminders, keyedStream(3, 'answer', owner)));

describe('what an asked owner answers', () => {
  it('shares if they always do, or if the incident is serious for those who share only then; declines otherwise', () => {
    const decisions = (kind: Parameters<typeof planAnswer>[0], serious: boolean) => new Set(plans(kind, serious).flatMap((plan) => (plan ? [plan.decision] : [])));
    expect(decisions('always', false)).toEqual(new Set(['share']));
    expect(decisions('serious', true)).toEqual(new Set(['share']));
    expect(decisions('serious', false)).toEqual(new Set(['decline']));
    expect(decisions('never', true)).toEqual(new Set(['decline']));
  });

  it('answers at the answer probability without reminders, and more often with them', () => {
    const answeredShare = (reminders: number[]) => plans('always', true, reminders).filter(Boolean).length / 2000;
    expect(answeredShare([])).toBeCloseTo(0.6, 1);
    // 0.6 + 0.4·0.3 + 0.4·0.7·0.3 = 0.804 with two reminders at half the chance each.
    expect(answeredShare(REMINDERS)).toBeCloseTo(0.804, 1);
  });

  it('answers after a reminder only once it was sent', () => {
    const late = plans('always', true, REMINDERS).filter((plan) => plan && plan.afterMs >= 86_400_000);
    expect(late.length).toBeGreaterThan(0);
  });
});
