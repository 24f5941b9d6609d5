import { METERS_PER_DEGREE_LAT, metersBetween, type Household, type LatLng } from './town.js';

/**
 * The town's households sorted by latitude, to find those within a distance of a point without
 * measuring to every home: only the band of latitudes the distance can reach is measured (the
 * north–south part of metersBetween alone exceeds the distance outside it). Each incident asks
 * this of a town of thousands of homes.
 */
export class HouseholdsNearby {
  private readonly byLatitude: Household[];

  constructor(households: readonly Household[]) {
    this.byLatitude = [...households].sort((a, b) => a.location.lat - b.location.lat);
  }

  /** The households within `meters` of `point`, in household order. */
  within(point: LatLng, meters: number): Household[] {
    const band = meters / METERS_PER_DEGREE_LAT;
    const found: Household[] = [];
    for (let i = this.firstAtOrAbove(point.lat - band); i < this.byLatitude.length; i++) {
      const household = this.byLatitude[i]!;
      if (household.location.lat > point.lat + band) break;
      if (metersBetween(household.location, point) <= meters) found.push(household);
    }
    return found.sort((a, b) => a.index - b.index);
  }

  private firstAtOrAbove(lat: number): number {
    let low = 0;
    let high = this.byLatitude.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.byLatitude[middle]!.location.lat < lat) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
