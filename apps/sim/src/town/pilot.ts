import type { RandomStream } from '../engine/random.js';
import type { Pilot } from '../scenario/scenario.schema.js';
import type { Incident } from './incidents.js';
import type { Household, Town } from './town.js';

const DAY_MS = 86_400_000;

/** What the pilot's promoters would report, and what the whole town did meanwhile. */
export interface PilotReport {
  neighbourhood: string;
  incidentType: string;
  /** The day its cameras went up, after the selection period. */
  startsOn: string;
  /** Incidents of the type in the pilot's neighbourhood during the selection period, and during as many days after it started. */
  before: number;
  after: number;
  /** (after − before) / before; null when there was nothing before. */
  change: number | null;
  /**
   * The same for the whole town. (The other neighbourhoods alone would seem to rise: the worst
   * one's high count was taken out of their "before".)
   */
  townBefore: number;
  townAfter: number;
  townChange: number | null;
  camerasInstalled: number;
  /** The long run: incidents of the type per 30 days in the pilot's neighbourhood, and the other neighbourhoods' average. */
  per30Days: { pilot: number[]; othersAverage: number[] };
}

const change = (before: number, after: number): number | null => (before === 0 ? null : Number(((after - before) / before).toFixed(3)));

/** The neighbourhood with the most incidents of the type during the selection period (ties: the first in cell order). */
export function pilotNeighbourhood(pilot: Pilot, incidents: Incident[], town: Town, start: number): string {
  const counts = new Map(town.neighbourhoods.map((cell) => [cell, 0]));
  for (const incident of incidents) {
    if (incident.type.type === pilot.incidentType && incident.at < start + pilot.selectionDays * DAY_MS) {
      counts.set(incident.neighbourhood, counts.get(incident.neighbourhood)! + 1);
    }
  }
  return town.neighbourhoods.reduce((worst, cell) => (counts.get(cell)! > counts.get(worst)! ? cell : worst));
}

/** Doorbells on `cameraShare` of the pilot neighbourhood's homes without a camera, on the pilot's first day. */
export function installPilotCameras(pilot: Pilot, neighbourhood: string, households: Household[], stream: RandomStream): number {
  let installed = 0;
  for (const household of households) {
    const without = household.installDay === null || household.installDay > pilot.selectionDays;
    if (household.neighbourhood !== neighbourhood || !without || !stream.chance(pilot.cameraShare)) continue;
    household.installDay = pilot.selectionDays;
    household.subsidised = true;
    installed++;
  }
  return installed;
}

/**
 * Before and after, as a pilot's promoters count it, next to everyone else. Incidents do not
 * depend on cameras in the model, so any drop in the pilot's neighbourhood is regression to the
 * mean: it was chosen for being the worst.
 */
export function pilotReport(pilot: Pilot, neighbourhood: string, incidents: Incident[], town: Town, start: number, durationDays: number, camerasInstalled: number): PilotReport {
  const pilotStart = start + pilot.selectionDays * DAY_MS;
  const pilotEnd = pilotStart + pilot.selectionDays * DAY_MS;
  const tally = { before: 0, after: 0, townBefore: 0, townAfter: 0 };
  for (const incident of incidents) {
    if (incident.type.type !== pilot.incidentType || incident.at >= pilotEnd) continue;
    const before = incident.at < pilotStart;
    tally[before ? 'townBefore' : 'townAfter']++;
    if (incident.neighbourhood === neighbourhood) tally[before ? 'before' : 'after']++;
  }
  const periods = Math.ceil(durationDays / 30);
  const series = { pilot: new Array<number>(periods).fill(0), others: new Array<number>(periods).fill(0) };
  for (const incident of incidents) {
    if (incident.type.type !== pilot.incidentType) continue;
    series[incident.neighbourhood === neighbourhood ? 'pilot' : 'others'][Math.floor((incident.at - start) / (30 * DAY_MS))]!++;
  }
  const others = Math.max(1, town.neighbourhoods.length - 1);
  return {
    neighbourhood,
    incidentType: pilot.incidentType,
    startsOn: new Date(pilotStart).toISOString().slice(0, 10),
    ...tally,
    change: change(tally.before, tally.after),
    townChange: change(tally.townBefore, tally.townAfter),
    camerasInstalled,
    per30Days: { pilot: series.pilot, othersAverage: series.others.map((count) => Number((count / others).toFixed(3))) },
  };
}
