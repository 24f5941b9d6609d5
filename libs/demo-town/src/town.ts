import type { AgencyKind } from '@app/agencies';
import type { LatLng, LineString, Polygon, Position } from '@app/geo';
import { between, pick, seededRandom } from './random.js';

/**
 * Porchlight Falls, the demo town: a street grid of ~2.4 × 2.4 km, households along its streets,
 * cameras on some porches, a few days of clips, and the agencies whose jurisdictions cover it.
 * Pure and deterministic: the same seed and `now` give the same town.
 */
export interface TownPlan {
  agencies: DemoAgency[];
  households: DemoHousehold[];
}

export interface DemoAgency {
  key: string;
  name: string;
  kind: AgencyKind;
  city: string;
  state: string;
  zip: string;
  partnerSince: string;
  jurisdiction: Polygon;
}

export interface DemoHousehold {
  email: string;
  displayName: string;
  privacy: { policeRequests: 'receive' | 'block' | null; endToEndEncryption: boolean; retentionDays: number | null };
  cameras: DemoCamera[];
}

export interface DemoCamera {
  label: string;
  location: { lat: number; lng: number };
  recordings: { startedAt: string; endedAt: string; trigger: 'motion' | 'ring' | 'live' }[];
}

export const TOWN_CENTER: LatLng = { lat: 39.7392, lng: -104.9903 };
const METERS_PER_DEGREE_LAT = 111_320;
const metersPerDegreeLng = METERS_PER_DEGREE_LAT * Math.cos((TOWN_CENTER.lat * Math.PI) / 180);
const HALF_SIZE_M = 1200;
const BLOCK_M = 150;
/** Where the streets run, in metres from the centre: every block, edge to edge (17 each way). */
const STREETS_M = Array.from({ length: Math.floor((2 * HALF_SIZE_M) / BLOCK_M) + 1 }, (_, index) => -HALF_SIZE_M + BLOCK_M * index);

const FIRST = ['Ada', 'Ben', 'Cleo', 'Dev', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jamal', 'Kai', 'Lena', 'Mateo', 'Noor', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sam', 'Tariq', 'Uma', 'Vera', 'Wen', 'Yusuf', 'Zoe'];
const LAST = ['Adams', 'Brown', 'Cruz', 'Diaz', 'Evans', 'Fischer', 'Garcia', 'Hughes', 'Ito', 'Jensen', 'Khan', 'Lopez', 'Murphy', 'Nguyen', 'Okafor', 'Patel', 'Reyes', 'Smith', 'Tanaka', 'Walsh'];
const SPOTS = ['Front door', 'Driveway', 'Back yard', 'Porch', 'Garage', 'Side gate'];

const toLatLng = (eastM: number, northM: number) => ({
  lat: Number((TOWN_CENTER.lat + northM / METERS_PER_DEGREE_LAT).toFixed(6)),
  lng: Number((TOWN_CENTER.lng + eastM / metersPerDegreeLng).toFixed(6)),
});

function rectangle(westM: number, southM: number, eastM: number, northM: number): Polygon {
  const corners = [toLatLng(westM, southM), toLatLng(eastM, southM), toLatLng(eastM, northM), toLatLng(westM, northM)];
  const ring = [...corners, corners[0]!].map((point): Position => [point.lng, point.lat]);
  return { type: 'Polygon', coordinates: [ring] };
}

const AGENCIES: DemoAgency[] = [
  {
    key: 'north',
    name: 'Porchlight Falls Police Department — North Precinct',
    kind: 'police',
    city: 'Porchlight Falls',
    state: 'CO',
    zip: '80201',
    partnerSince: '2019-04-02',
    jurisdiction: rectangle(-HALF_SIZE_M, 0, HALF_SIZE_M, HALF_SIZE_M),
  },
  {
    key: 'south',
    name: 'Porchlight Falls Police Department — South Precinct',
    kind: 'police',
    city: 'Porchlight Falls',
    state: 'CO',
    zip: '80202',
    partnerSince: '2019-08-15',
    jurisdiction: rectangle(-HALF_SIZE_M, -HALF_SIZE_M, HALF_SIZE_M, 0),
  },
  {
    key: 'county',
    name: 'Lantern County Sheriff',
    kind: 'sheriff',
    city: 'Lantern',
    state: 'CO',
    zip: '80203',
    partnerSince: '2020-01-10',
    jurisdiction: rectangle(-3 * HALF_SIZE_M, -3 * HALF_SIZE_M, 3 * HALF_SIZE_M, 3 * HALF_SIZE_M),
  },
];

export interface TownOptions {
  seed?: number;
  households?: number;
  /** Clips are made for the days before this instant. */
  now: Date;
  recordingDays?: number;
}

export function planTown({ seed = 2019, households = 300, now, recordingDays = 3 }: TownOptions): TownPlan {
  const random = seededRandom(seed);
  const plan: DemoHousehold[] = [];
  for (let index = 0; index < households; index++) {
    // Houses sit along a street (east-west or north-south), set back a little from its centre line.
    const alongStreet = between(random, -HALF_SIZE_M, HALF_SIZE_M);
    const street = pick(random, STREETS_M);
    const setback = (random() < 0.5 ? -1 : 1) * between(random, 8, 25);
    const eastWest = random() < 0.5;
    const home = eastWest ? { east: alongStreet, north: street + setback } : { east: street + setback, north: alongStreet };
    const first = pick(random, FIRST);
    const last = pick(random, LAST);
    const cameraCount = random() < 0.35 ? 0 : random() < 0.75 ? 1 : 2;
    const choice = random();
    plan.push({
      email: `neighbour${String(index + 1).padStart(3, '0')}@porchlight.local`,
      displayName: `${first} ${last}`,
      privacy: {
        // Most owners never open their settings, which is why the default matters.
        policeRequests: choice < 0.6 ? null : choice < 0.85 ? 'receive' : 'block',
        endToEndEncryption: random() < 0.05,
        retentionDays: random() < 0.8 ? null : pick(random, [7, 30, 90, 180]),
      },
      cameras: Array.from({ length: cameraCount }, (_, cameraIndex) => ({
        label: SPOTS[(index + cameraIndex) % SPOTS.length]!,
        location: toLatLng(home.east + between(random, -6, 6), home.north + between(random, -6, 6)),
        recordings: clipsBefore(random, now, recordingDays),
      })),
    });
  }
  return { agencies: AGENCIES, households: plan };
}

/** A camera's clips over the `days` before `now`: three to eight a day, of 10 s to 2 min. */
export function clipsBefore(random: () => number, now: Date, days: number): DemoCamera['recordings'] {
  const clips: DemoCamera['recordings'] = [];
  const count = Math.round(between(random, 3, 8) * days);
  for (let clip = 0; clip < count; clip++) {
    const endedAt = now.getTime() - Math.floor(random() * days * 86_400_000);
    const seconds = Math.round(between(random, 10, 120));
    clips.push({
      startedAt: new Date(endedAt - seconds * 1000).toISOString(),
      endedAt: new Date(endedAt).toISOString(),
      trigger: pick(random, ['motion', 'motion', 'motion', 'ring', 'live'] as const),
    });
  }
  return clips.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
}

/** [west, south, east, north] in degrees, as GeoJSON orders a bbox. */
export type TownBbox = [west: number, south: number, east: number, north: number];

/** One street's centre line, from one edge of the town to the other. */
export interface TownStreet {
  axis: 'east-west' | 'north-south';
  line: LineString;
}

export interface TownMap {
  center: LatLng;
  bbox: TownBbox;
  streets: TownStreet[];
}

/**
 * The town as a map draws it without tiles: its centre, its box and the street grid the
 * households of planTown live along — east-west streets south to north, then north-south ones
 * west to east.
 */
export function townMap(): TownMap {
  return gridMap(TOWN_CENTER, 2 * HALF_SIZE_M, BLOCK_M);
}

/** The streets of a square grid town: every `blockMeters` from edge to edge, both ways, around `center`. */
export function gridMap(center: LatLng, sizeMeters: number, blockMeters: number): TownMap {
  const metersPerLng = METERS_PER_DEGREE_LAT * Math.cos((center.lat * Math.PI) / 180);
  const at = (eastM: number, northM: number): LatLng => ({
    lat: Number((center.lat + northM / METERS_PER_DEGREE_LAT).toFixed(6)),
    lng: Number((center.lng + eastM / metersPerLng).toFixed(6)),
  });
  const half = sizeMeters / 2;
  const lines = Array.from({ length: Math.min(MAX_STREETS_EACH_WAY, Math.floor(sizeMeters / blockMeters) + 1) }, (_, index) => -half + blockMeters * index);
  const street = (axis: TownStreet['axis'], from: LatLng, to: LatLng): TownStreet => ({
    axis,
    line: { type: 'LineString', coordinates: [from, to].map(({ lat, lng }): Position => [lng, lat]) },
  });
  const southWest = at(-half, -half);
  const northEast = at(half, half);
  return {
    center: { ...center },
    bbox: [southWest.lng, southWest.lat, northEast.lng, northEast.lat],
    streets: [
      ...lines.map((north) => street('east-west', at(-half, north), at(half, north))),
      ...lines.map((east) => street('north-south', at(east, -half), at(east, half))),
    ],
  };
}

/** A map draws at most this many streets each way (a town of 100 blocks a side is a city). */
export const MAX_STREETS_EACH_WAY = 100;
