import { describe, expect, it } from '@jest/globals';
import { inParallel } from './in-parallel.js';

describe('running several runs at once', () => {
  it('keeps at most `limit` running, and answers in the items’ order', async () => {
    let running = 0;
    let most = 0;
    const results = await inParallel([30, 5, 20, 1, 10], 2, async (ms) => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, ms));
      running--;
      return ms * 2;
    });
    expect(results).toEqual([60, 10, 40, 2, 20]);
    expect(most).toBe(2);
  });

  it('stops at the first failure', async () => {
    await expect(inParallel([1, 2, 3], 3, async (n) => (n === 2 ? Promise.reject(new Error('run 2 failed')) : n))).rejects.toThrow('run 2 failed');
  });
});
