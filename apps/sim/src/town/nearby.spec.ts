import { describe, expect, it } from '@jest/globals';
import { HouseholdsNearby } from './nearby.js';
import { metersBetween, offset, type Household } from './town.js';

const CENTER = { lat: 39.7392, lng: -104.9903 };
const home = (index: number, eastM: number, northM: number) => ({ index, location: offset(CENTER, eastM, northM) }) as Household;

describe('HouseholdsNearby', () => {
  const households = Array.from({ length: 400 }, (_, index) => home(index, ((index * 37) % 41) * 50 - 1000, ((index * 53) % 43) * 47 - 1000));
  const nearby = new HouseholdsNearby(households);

  it.each([
    [CENTER, 300],
    [offset(CENTER, 700, -650), 150],
    [offset(CENTER, -990, 990), 400],
    [offset(CENTER, 5000, 0), 400],
  ])('finds exactly the households within the distance, in household order (%o, %d m)', (point, meters) => {
    const expected = households.filter((household) => metersBetween(household.location, point) <= meters);
    expect(nearby.within(point, meters)).toEqual(expected);
  });

  it('includes a home exactly at the distance due north', () => {
    const north = new HouseholdsNearby([home(0, 0, 200), home(1, 0, 201)]);
    expect(north.within(CENTER, metersBetween(CENTER, offset(CENTER, 0, 200))).map((household) => household.index)).toEqual([0]);
  });
});
