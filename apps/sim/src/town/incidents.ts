import { cellToLatLng } from 'h3-js';
import type { RandomStream } from '../engine/random.js';
import type { IncidentType, Scenario } from '../scenario/scenario.schema.js';
import { metersBetween, type Household, type LatLng, type Town } from './town.js';

/** Something that happened at a home: the ground truth police try to get footage of. */
export interface Incident {
  index: number;
  type: IncidentType;
  at: number;
  location: LatLng;
  neighbourhood: string;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const YEAR_DAYS = 365;

/** The hour of day an incident happens at, from the type's weights (even without them). */
function hourOf(type: IncidentType, stream: RandomStream): number {
  if (!type.hourWeights) return stream.index(24);
  return Number(stream.weighted(Object.fromEntries(type.hourWeights.map((weight, hour) => [String(hour), weight]))));
}

/** How much more often incidents happen in a neighbourhood: the largest factor of the hotspots holding its centre, else 1. */
export function hotspotFactor(hotspots: Scenario['incidentHotspots'], neighbourhood: string): number {
  const [lat, lng] = cellToLatLng(neighbourhood);
  const holding = hotspots.filter((hotspot) => metersBetween(hotspot.center, { lat, lng }) <= hotspot.radiusMeters);
  return holding.length === 0 ? 1 : Math.max(...holding.map((hotspot) => hotspot.factor));
}

/**
 * A Poisson process per neighbourhood and incident type (rate per 1,000 households a year, times
 * the neighbourhood's hotspot factor), each incident at one of the neighbourhood's homes;
 * neighbourhoods and types in a fixed order, so the run is the same for the same seed. Cameras
 * change nothing here: no deterrence is modelled (SIMULATOR.md, "Incidents").
 */
export function planIncidents(scenario: Scenario, town: Town, stream: RandomStream): Incident[] {
  const start = Date.parse(`${scenario.start}T00:00:00Z`);
  const homes = new Map<string, Household[]>();
  for (const household of town.households) homes.set(household.neighbourhood, [...(homes.get(household.neighbourhood) ?? []), household]);
  const drawn: Omit<Incident, 'index'>[] = [];
  for (const neighbourhood of town.neighbourhoods) {
    const here = homes.get(neighbourhood)!;
    const factor = hotspotFactor(scenario.incidentHotspots, neighbourhood);
    for (const type of scenario.incidents) {
      const perDay = (type.perThousandHouseholdsPerYear * here.length * factor) / 1000 / YEAR_DAYS;
      if (perDay === 0) continue;
      for (let day = stream.exponential(perDay); day < scenario.durationDays; day += stream.exponential(perDay)) {
        const midnight = start + Math.floor(day) * DAY_MS;
        const at = midnight + hourOf(type, stream) * HOUR_MS + stream.index(60) * 60_000;
        drawn.push({ type, at, location: stream.pick(here).location, neighbourhood });
      }
    }
  }
  return drawn.sort((a, b) => a.at - b.at).map((incident, index) => ({ ...incident, index }));
}
