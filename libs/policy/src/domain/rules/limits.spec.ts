import { describe, expect, it } from '@jest/globals';
import { PROFILE_NAMES, PROFILES } from '../policy.js';
import { checkAreaSize } from './area-size.js';
import { checkWindow } from './window.js';

const profiles = PROFILE_NAMES.map((name) => [name, PROFILES[name]] as const);
const now = new Date('2025-06-01T12:00:00.000Z');
const SECOND = 1000;
const ago = (ms: number): Date => new Date(now.getTime() - ms);

describe.each(profiles)('area size under %s', (_name, policy) => {
  it('accepts an area exactly at the maximum', () => {
    expect(checkAreaSize(policy, policy.maxAreaSquareMeters)).toBeNull();
  });

  it('refuses an area one m² over the maximum, with the limit and the actual area', () => {
    expect(checkAreaSize(policy, policy.maxAreaSquareMeters + 1)).toEqual({
      code: 'POLICY_AREA_TOO_LARGE',
      message: expect.any(String),
      details: { limitSquareMeters: policy.maxAreaSquareMeters, actualSquareMeters: policy.maxAreaSquareMeters + 1 },
    });
  });

  it('accepts an area exactly at the minimum', () => {
    expect(checkAreaSize(policy, policy.minAreaSquareMeters)).toBeNull();
  });

  it('refuses an area one m² under the minimum, with the limit and the actual area', () => {
    expect(checkAreaSize(policy, policy.minAreaSquareMeters - 1)).toEqual({
      code: 'POLICY_AREA_TOO_SMALL',
      message: expect.any(String),
      details: { limitSquareMeters: policy.minAreaSquareMeters, actualSquareMeters: policy.minAreaSquareMeters - 1 },
    });
  });
});

describe('area size', () => {
  it('refuses NaN as too large rather than letting it through', () => {
    expect(checkAreaSize(PROFILES['ring-2019'], Number.NaN)?.code).toBe('POLICY_AREA_TOO_LARGE');
  });

  it('uses the published limits: 0.5 sq mi for the Ring profiles, 0.1 sq mi for privacy-by-design', () => {
    expect(checkAreaSize(PROFILES['ring-2021'], 1_294_994)).toBeNull();
    expect(checkAreaSize(PROFILES['ring-2021'], 1_294_995)?.code).toBe('POLICY_AREA_TOO_LARGE');
    expect(checkAreaSize(PROFILES['privacy-by-design'], 258_998)).toBeNull();
    expect(checkAreaSize(PROFILES['privacy-by-design'], 258_999)?.code).toBe('POLICY_AREA_TOO_LARGE');
  });
});

describe.each(profiles)('time window under %s', (_name, policy) => {
  const max = policy.maxWindowSeconds * SECOND;
  const min = policy.minWindowSeconds * SECOND;
  const lookback = policy.maxLookbackSeconds * SECOND;

  it('accepts a window exactly as long as the maximum, ending now', () => {
    expect(checkWindow(policy, { start: ago(max), end: now }, now)).toBeNull();
  });

  it('refuses a window one second longer than the maximum, with the limit and the length', () => {
    expect(checkWindow(policy, { start: ago(max + SECOND), end: now }, now)).toEqual({
      code: 'POLICY_WINDOW_TOO_LONG',
      message: expect.any(String),
      details: { limitSeconds: policy.maxWindowSeconds, actualSeconds: policy.maxWindowSeconds + 1 },
    });
  });

  it('refuses a window one millisecond longer than the maximum', () => {
    expect(checkWindow(policy, { start: ago(max + 1), end: now }, now)?.code).toBe('POLICY_WINDOW_TOO_LONG');
  });

  it('accepts a window exactly as long as the minimum', () => {
    expect(checkWindow(policy, { start: ago(min + SECOND), end: ago(SECOND) }, now)).toBeNull();
  });

  it('refuses a window one second shorter than the minimum (when there is one)', () => {
    const violation = checkWindow(policy, { start: ago(min - SECOND), end: now }, now);
    if (min === 0) {
      // Nothing is shorter than zero: the same window shape is then an inverted one.
      expect(violation?.code).toBe('WINDOW_INVERTED');
    } else {
      expect(violation).toEqual({
        code: 'POLICY_WINDOW_TOO_SHORT',
        message: expect.any(String),
        details: { limitSeconds: policy.minWindowSeconds, actualSeconds: policy.minWindowSeconds - 1 },
      });
    }
  });

  it('accepts a window starting exactly at the lookback limit', () => {
    const start = ago(lookback);
    expect(checkWindow(policy, { start, end: new Date(start.getTime() + min) }, now)).toBeNull();
  });

  it('refuses a window starting one second before the lookback limit, naming the earliest start', () => {
    const start = ago(lookback + SECOND);
    expect(checkWindow(policy, { start, end: new Date(start.getTime() + min) }, now)).toEqual({
      code: 'POLICY_WINDOW_TOO_OLD',
      message: expect.any(String),
      details: { limitSeconds: policy.maxLookbackSeconds, earliestStart: ago(lookback).toISOString(), start: start.toISOString() },
    });
  });

  it('accepts a window ending exactly now and refuses one ending a second later', () => {
    expect(checkWindow(policy, { start: ago(min), end: now }, now)).toBeNull();
    const end = new Date(now.getTime() + SECOND);
    expect(checkWindow(policy, { start: ago(min), end }, now)?.code).toBe('WINDOW_IN_FUTURE');
  });

  it('refuses a window that ends before it starts', () => {
    expect(checkWindow(policy, { start: ago(SECOND), end: ago(2 * SECOND) }, now)?.code).toBe('WINDOW_INVERTED');
  });
});

describe('time window', () => {
  it('accepts a zero-length window where the minimum is zero (ring-2019)', () => {
    expect(checkWindow(PROFILES['ring-2019'], { start: ago(SECOND), end: ago(SECOND) }, now)).toBeNull();
  });

  it('uses the published limits: 12 h for the Ring profiles, 6 h for privacy-by-design', () => {
    const window = { start: ago(7 * 3600 * SECOND), end: now };
    expect(checkWindow(PROFILES['ring-2021'], window, now)).toBeNull();
    expect(checkWindow(PROFILES['privacy-by-design'], window, now)?.code).toBe('POLICY_WINDOW_TOO_LONG');
  });
});
