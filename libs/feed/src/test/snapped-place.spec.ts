import { cellCenter, cellOf } from '@app/geo';
import { describe, expect, it } from '@jest/globals';
import { snapped } from '../snapped-place.js';

describe('where a post is shown', () => {
  it('is the H3 resolution-9 cell of the point and its centre, never the point', () => {
    const point = { lat: 40.7012345, lng: -74.0054321 };
    const place = snapped(point);
    expect(place.cell).toBe(cellOf(point));
    expect(place.center).toEqual(cellCenter(place.cell));
    expect(place.center).not.toEqual(point);
  });

  it('is the same for every point of a cell: two neighbours on one street cannot be told apart', () => {
    const a = snapped({ lat: 40.7012345, lng: -74.0054321 });
    const b = snapped({ lat: a.center.lat + 0.0001, lng: a.center.lng - 0.0001 });
    expect(b).toEqual(a);
  });
});
