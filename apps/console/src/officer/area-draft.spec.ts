import { describe, expect, it } from '@jest/globals';
import { firstCircle } from './area-draft.js';

describe('a request’s first circle', () => {
  it('covers the named neighbours’ porches in Porchlight Falls, as the lessons’ steps say', () => {
    expect(firstCircle()).toEqual({ kind: 'circle', center: { lat: 39.7434, lng: -104.9875 }, radiusMeters: 250 });
  });

  it('moves with the town, so it covers them in a scenario’s own town too', () => {
    expect(firstCircle({ lat: 41.0814, lng: -81.519 })).toEqual({ kind: 'circle', center: { lat: 41.0856, lng: -81.5162 }, radiusMeters: 250 });
  });
});
