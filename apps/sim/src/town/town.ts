import type { Polygon, Position } from '@app/geo';
import { latLngToCell } from 'h3-js';
import type { RandomStream } from '../engine/random.js';
import type { Scenario } from '../scenario/scenario.schema.js';

/** What an owner does when police ask (SIMULATOR.md, "Owners"). */
export type OwnerKind = 'always' | 'serious' | 'never' | 'blocks' | 'e2ee';

export interface LatLng {
  lat: number;
  lng: number;
}

export interface Household {
  index: number;
  email: string;
  displayName: string;
  location: LatLng;
  /** Its neighbourhood: the H3 resolution-8 cell it lies in. */
  neighbourhood: string;
  kind: OwnerKind;
  /** The privacy choice stored for the owner: null = never chose (the policy's default applies). */
  policeRequests: 'receive' | 'block' | null;
  endToEndEncryption: boolean;
  /** Day of the run its camera is installed (0 = before it starts); null = never in this run. */
  installDay: number | null;
  /** Its camera came from the agency's subsidy programme. */
  subsidised: boolean;
}

export interface PlannedAgency {
  index: number;
  name: string;
  kind: Scenario['agencies'][number]['kind'];
  partnerSince: string;
  officers: number;
  /** A strip of the town, west to east: each agency polices its own. */
  jurisdiction: Polygon;
  westLng: number;
  eastLng: number;
}

export interface Town {
  households: Household[];
  agencies: PlannedAgency[];
  /** Every neighbourhood of the town, sorted: the denominator of area-hours. */
  neighbourhoods: string[];
}

export const NEIGHBOURHOOD_RESOLUTION = 8;
export const METERS_PER_DEGREE_LAT = 111_320;
/** Houses stand this far apart along a street. */
const HOUSE_SPACING_M = 20;

/** A point this many metres east and north of `center`. */
export function offset(center: LatLng, eastM: number, northM: number): LatLng {
  const metersPerDegreeLng = METERS_PER_DEGREE_LAT * Math.cos((center.lat * Math.PI) / 180);
  return { lat: Number((center.lat + northM / METERS_PER_DEGREE_LAT).toFixed(6)), lng: Number((center.lng + eastM / metersPerDegreeLng).toFixed(6)) };
}

/** Metres between two nearby points (equirectangular: exact enough across a town). */
export function metersBetween(a: LatLng, b: LatLng): number {
  const north = (b.lat - a.lat) * METERS_PER_DEGREE_LAT;
  const east = (b.lng - a.lng) * METERS_PER_DEGREE_LAT * Math.cos((((a.lat + b.lat) / 2) * Math.PI) / 180);
  return Math.hypot(north, east);
}

/** House plots along the street grid: both sides of every east–west and north–south street. */
function plots(scenario: Scenario): LatLng[] {
  const { center, sizeMeters, blockMeters } = scenario.town;
  const half = sizeMeters / 2;
  const spots: LatLng[] = [];
  for (let street = -half; street <= half; street += blockMeters) {
    for (let along = -half + HOUSE_SPACING_M / 2; along < half; along += HOUSE_SPACING_M) {
      // Houses sit 12 m off the street's centre line, on either side; blocks' corners are streets.
      if (Math.abs(((along + half) % blockMeters) - 0) < HOUSE_SPACING_M / 2) continue;
      for (const side of [-12, 12]) {
        spots.push(offset(center, along, street + side), offset(center, street + side, along));
      }
    }
  }
  return spots;
}

/** The day a household gets its camera: logistic adoption from initialShare towards finalShare. */
export function installDay(adoption: Scenario['adoption'], durationDays: number, draw: number): number | null {
  const { initialShare, finalShare, midpointDay, steepnessPerDay } = adoption;
  if (draw < initialShare) return 0;
  const curve = (day: number) => 1 / (1 + Math.exp(-steepnessPerDay * (day - midpointDay)));
  // Scaled so the share is exactly initialShare on day 0 and tends to finalShare.
  const share = (day: number) => initialShare + ((finalShare - initialShare) * (curve(day) - curve(0))) / (1 - curve(0));
  for (let day = 1; day < durationDays; day++) if (draw < share(day)) return day;
  return null;
}

function ownerKind(owners: Scenario['owners'], stream: RandomStream): OwnerKind {
  return stream.weighted({
    always: owners.alwaysShare,
    serious: owners.shareIfSerious,
    never: owners.never,
    blocks: owners.blocksPolice,
    e2ee: owners.endToEndEncryption,
  });
}

function planAgencies(scenario: Scenario): PlannedAgency[] {
  const { center, sizeMeters } = scenario.town;
  const half = sizeMeters / 2;
  const width = sizeMeters / scenario.agencies.length;
  return scenario.agencies.map((agency, index) => {
    const west = offset(center, -half + index * width, -half);
    const east = offset(center, -half + (index + 1) * width, half);
    const ring: Position[] = [
      [west.lng, west.lat],
      [east.lng, west.lat],
      [east.lng, east.lat],
      [west.lng, east.lat],
      [west.lng, west.lat],
    ];
    return { index, ...agency, jurisdiction: { type: 'Polygon', coordinates: [ring] }, westLng: west.lng, eastLng: east.lng };
  });
}

/**
 * The scenario's town, from the `town` stream alone: households on distinct plots of the street
 * grid (or at distinct homes of the scenario's homes file), each with an owner kind, a privacy
 * choice and the day its camera arrives.
 */
export function planTown(scenario: Scenario, stream: RandomStream): Town {
  const spots = scenario.town.homePoints?.map((home) => ({ ...home })) ?? plots(scenario);
  if (spots.length < scenario.town.households) {
    throw new RangeError(`town.households: ${scenario.town.households} do not fit on the street grid (at most ${spots.length})`);
  }
  // A partial Fisher–Yates shuffle picks distinct plots.
  for (let i = 0; i < scenario.town.households; i++) {
    const j = i + stream.index(spots.length - i);
    [spots[i], spots[j]] = [spots[j]!, spots[i]!];
  }
  const households = spots.slice(0, scenario.town.households).map((location, index): Household => {
    const kind = ownerKind(scenario.owners, stream);
    const optedIn = stream.chance(scenario.owners.optedIn);
    return {
      index,
      email: `household-${index}@${scenario.name}.sim`,
      displayName: `Household ${index}`,
      location,
      neighbourhood: latLngToCell(location.lat, location.lng, NEIGHBOURHOOD_RESOLUTION),
      kind,
      policeRequests: kind === 'blocks' ? 'block' : optedIn ? 'receive' : null,
      endToEndEncryption: kind === 'e2ee',
      installDay: installDay(scenario.adoption, scenario.durationDays, stream.next()),
      subsidised: false,
    };
  });
  if (scenario.subsidy) applySubsidy(scenario, households, stream);
  const neighbourhoods = [...new Set(households.map((household) => household.neighbourhood))].sort();
  return { households, agencies: planAgencies(scenario), neighbourhoods };
}

/** Over the programme's first month its cameras go up, spread evenly. */
const SUBSIDY_ROLLOUT_DAYS = 30;

/**
 * The subsidy programme: households in its area that have no camera by its start are offered one
 * in a drawn order until the budget is spent; those who accept (uptake × discount) get a camera
 * during its first month. With strings attached they also agree to share when asked: they
 * receive police requests and always share.
 */
function applySubsidy(scenario: Scenario, households: Household[], stream: RandomStream): void {
  const subsidy = scenario.subsidy!;
  const offered = households.filter(
    (household) =>
      (household.installDay === null || household.installDay > subsidy.startDay) &&
      metersBetween(scenario.town.center, household.location) <= subsidy.radiusMeters,
  );
  let units = subsidy.budgetUnits;
  for (let i = 0; i < offered.length && units > 0; i++) {
    const j = i + stream.index(offered.length - i);
    [offered[i], offered[j]] = [offered[j]!, offered[i]!];
    const household = offered[i]!;
    const accepts = stream.chance(subsidy.uptake * subsidy.discount);
    const day = subsidy.startDay + stream.index(SUBSIDY_ROLLOUT_DAYS);
    if (!accepts || day >= scenario.durationDays) continue;
    units--;
    household.installDay = day;
    household.subsidised = true;
    if (subsidy.withStrings) Object.assign(household, { kind: 'always', policeRequests: 'receive', endToEndEncryption: false });
  }
}
