import { describe, expect, it } from '@jest/globals';
import { keyedStream, randomStreams } from './random.js';

const draws = (next: () => number, n = 5) => Array.from({ length: n }, next);

describe('seeded randomness', () => {
  it('gives the same numbers for the same seed, and others for another', () => {
    const a = randomStreams(42);
    const b = randomStreams(42);
    expect(draws(() => a.town.next())).toEqual(draws(() => b.town.next()));
    expect(randomStreams(43).town.next()).not.toBe(randomStreams(42).town.next());
  });

  it('keeps streams independent: drawing from one does not shift another', () => {
    const busy = randomStreams(7);
    const quiet = randomStreams(7);
    draws(() => busy.feed.next(), 1000);
    expect(draws(() => busy.incidents.next())).toEqual(draws(() => quiet.incidents.next()));
  });

  it('gives one decision its own stream, whatever was drawn before it', () => {
    const first = keyedStream(1, 'answer', 3, 9);
    const again = keyedStream(1, 'answer', 3, 9);
    expect(draws(() => first.next())).toEqual(draws(() => again.next()));
    expect(keyedStream(1, 'answer', 3, 9).next()).not.toBe(keyedStream(1, 'answer', 9, 3).next());
  });

  it('starts the streams of neighbouring keys with unrelated numbers', () => {
    // One draw per incident's stream decides whether police override: those first draws must be uniform too.
    const firstDraws = Array.from({ length: 20_000 }, (_, incident) => keyedStream(2022, 'override', incident).next());
    expect(firstDraws.filter((value) => value < 0.15).length / firstDraws.length).toBeCloseTo(0.15, 2);
  });

  it('draws uniformly in [0, 1), and weighted choices in proportion', () => {
    const stream = keyedStream(5, 'uniform');
    const values = draws(() => stream.next(), 20_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(values.reduce((sum, value) => sum + value, 0) / values.length).toBeCloseTo(0.5, 1);
    const picks = draws(() => (stream.weighted({ a: 3, b: 1 }) === 'a' ? 1 : 0), 20_000);
    expect(picks.reduce((sum, value) => sum + value, 0) / picks.length).toBeCloseTo(0.75, 1);
  });

  it('has log-normal delays around their median', () => {
    const stream = keyedStream(9, 'delays');
    const delays = draws(() => stream.logNormal(8, 1), 20_001).sort((a, b) => a - b);
    expect(delays[10_000]).toBeGreaterThan(7);
    expect(delays[10_000]).toBeLessThan(9);
  });
});
