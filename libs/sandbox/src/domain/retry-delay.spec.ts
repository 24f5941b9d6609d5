import { describe, expect, it } from '@jest/globals';
import { retryDelayMs } from './retry-delay.js';

describe('the reset backs off between attempts', () => {
  it('doubles the ceiling with each attempt, from 20 ms', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, 0.999999))).toEqual([20, 40, 80, 160]);
  });

  it('never waits less than half the ceiling, so retries spread out but do not spin', () => {
    expect([1, 2, 3].map((attempt) => retryDelayMs(attempt, 0))).toEqual([10, 20, 40]);
  });

  it('waits at most half a second, however many attempts', () => {
    expect(retryDelayMs(50, 0.999999)).toBe(500);
    expect(retryDelayMs(50, 0)).toBe(250);
  });
});
