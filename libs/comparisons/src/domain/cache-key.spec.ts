import { describe, expect, it } from '@jest/globals';
import { comparisonCacheKey } from './cache-key.js';

describe('a comparison’s cache key', () => {
  const scenario = { name: 'who-sees-my-name', seed: 2021, town: { households: 2000, sizeMeters: 2000 } };

  it('is the same for the same scenario and policies, whatever order the fields were written in', () => {
    const reordered = { town: { sizeMeters: 2000, households: 2000 }, seed: 2021, name: 'who-sees-my-name' };
    expect(comparisonCacheKey(reordered, ['ring-2019', 'ring-2021'])).toBe(comparisonCacheKey(scenario, ['ring-2019', 'ring-2021']));
  });

  it('changes with anything that changes the result: a field of the scenario, the seed, the policies or their order', () => {
    const key = comparisonCacheKey(scenario, ['ring-2019', 'ring-2021']);
    expect(comparisonCacheKey({ ...scenario, town: { ...scenario.town, households: 200 } }, ['ring-2019', 'ring-2021'])).not.toBe(key);
    expect(comparisonCacheKey({ ...scenario, seed: 7 }, ['ring-2019', 'ring-2021'])).not.toBe(key);
    expect(comparisonCacheKey(scenario, ['ring-2019'])).not.toBe(key);
    expect(comparisonCacheKey(scenario, ['ring-2021', 'ring-2019'])).not.toBe(key);
  });
});
