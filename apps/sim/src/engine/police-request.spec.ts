import { describe, expect, it } from '@jest/globals';
import { PROFILES } from '@app/policy';
import { fitToRule } from './police-request.js';

const AT = Date.parse('2031-03-01T12:00:00Z');
const HOUR = 3_600_000;
const shape = { radiusMeters: 400, windowStart: AT - 8 * HOUR, windowEnd: AT + HOUR };
const limits = PROFILES['privacy-by-design'];

describe('an officer retrying within the rule that refused them', () => {
  it('shrinks the circle to the largest area allowed, just inside it', () => {
    const fitted = fitToRule('POLICY_AREA_TOO_LARGE', shape, AT, limits)!;
    const area = Math.PI * fitted.radiusMeters ** 2;
    expect(area).toBeLessThan(limits.maxAreaSquareMeters);
    expect(area).toBeGreaterThan(0.95 * limits.maxAreaSquareMeters);
  });

  it('grows a circle below the smallest area allowed', () => {
    const fitted = fitToRule('POLICY_AREA_TOO_SMALL', { ...shape, radiusMeters: 20 }, AT, limits)!;
    expect(Math.PI * fitted.radiusMeters ** 2).toBeGreaterThan(limits.minAreaSquareMeters);
  });

  it('cuts a window to the longest allowed, around the incident', () => {
    const fitted = fitToRule('POLICY_WINDOW_TOO_LONG', shape, AT, limits)!;
    expect(fitted.windowEnd - fitted.windowStart).toBeLessThanOrEqual(limits.maxWindowSeconds * 1000);
    expect(fitted.windowStart).toBeLessThan(AT);
    expect(fitted.windowEnd).toBeGreaterThan(AT);
  });

  it('gives up where reshaping cannot help', () => {
    for (const code of ['POLICY_AGENCY_NOT_ELIGIBLE', 'POLICY_WINDOW_TOO_OLD', 'POLICY_PROHIBITED_PURPOSE']) expect(fitToRule(code, shape, AT, limits)).toBeNull();
  });
});
