import { describe, expect, it } from '@jest/globals';
import { tinyTown } from '../../test/tiny-town.js';
import { keyedStream } from '../engine/random.js';
import { cellToLatLng } from 'h3-js';
import { scaleScenario } from '../scenario/scale.js';
import type { Scenario } from '../scenario/scenario.schema.js';
import { hotspotFactor, planIncidents } from './incidents.js';
import { installDay, metersBetween, planTown } from './town.js';

describe('the town', () => {
  const scenario = tinyTown();
  const town = planTown(scenario, keyedStream(1, 'town'));

  it('puts every household on a plot of its own, inside the town', () => {
    expect(town.households).toHaveLength(300);
    expect(new Set(town.households.map((household) => `${household.location.lat},${household.location.lng}`)).size).toBe(300);
    for (const household of town.households) expect(metersBetween(scenario.town.center, household.location)).toBeLessThan(scenario.town.sizeMeters);
  });

  it('is the same town for the same stream', () => {
    expect(planTown(scenario, keyedStream(1, 'town'))).toEqual(town);
  });

  it('stores the owners’ kinds as their privacy choices: blockers block, encryptors encrypt', () => {
    for (const household of town.households) {
      expect(household.policeRequests === 'block').toBe(household.kind === 'blocks');
      expect(household.endToEndEncryption).toBe(household.kind === 'e2ee');
    }
  });

  it('adopts cameras from initialShare on day 0 towards finalShare, never back', () => {
    const adoption = { initialShare: 0.2, finalShare: 0.6, midpointDay: 50, steepnessPerDay: 0.1 };
    expect(installDay(adoption, 365, 0.19)).toBe(0);
    const days = [0.25, 0.35, 0.45, 0.55].map((draw) => installDay(adoption, 365, draw)!);
    expect(days).toEqual([...days].sort((a, b) => a - b));
    expect(installDay(adoption, 365, 0.61)).toBeNull();
  });

  it('splits the town into one strip per agency', () => {
    expect(town.agencies).toHaveLength(1);
    expect(town.agencies[0]!.jurisdiction.coordinates[0]).toHaveLength(5);
  });
});

describe('a camera-subsidy programme', () => {
  const base = tinyTown();
  const subsidy = { startDay: 3, budgetUnits: 25, discount: 1, uptake: 0.9, radiusMeters: 300, withStrings: true };
  const town = planTown({ ...base, subsidy }, keyedStream(1, 'town'));
  const subsidised = town.households.filter((household) => household.subsidised);

  it('gives cameras only in its area, within its budget, during its first month', () => {
    expect(subsidised.length).toBeGreaterThan(10);
    expect(subsidised.length).toBeLessThanOrEqual(25);
    for (const household of subsidised) {
      expect(metersBetween(base.town.center, household.location)).toBeLessThanOrEqual(300);
      expect(household.installDay).toBeGreaterThanOrEqual(3);
      expect(household.installDay).toBeLessThan(base.durationDays);
    }
  });

  it('with strings attached, makes recipients owners who receive requests and always share', () => {
    for (const household of subsidised) expect(household).toMatchObject({ kind: 'always', policeRequests: 'receive', endToEndEncryption: false });
    const free = planTown({ ...base, subsidy: { ...subsidy, withStrings: false } }, keyedStream(1, 'town'));
    expect(free.households.filter((household) => household.subsidised).some((household) => household.kind !== 'always')).toBe(true);
  });
});

describe('incidents', () => {
  const scenario = { ...tinyTown(), durationDays: 365 };
  const town = planTown(scenario, keyedStream(1, 'town'));

  it('happen at homes, within the run, in time order, at the scenario’s yearly rates', () => {
    const incidents = planIncidents(scenario, town, keyedStream(1, 'incidents'));
    const homes = new Set(town.households.map((household) => `${household.location.lat},${household.location.lng}`));
    const start = Date.parse('2031-03-01T00:00:00Z');
    for (const incident of incidents) {
      expect(homes.has(`${incident.location.lat},${incident.location.lng}`)).toBe(true);
      expect(incident.at).toBeGreaterThanOrEqual(start);
      expect(incident.at).toBeLessThan(start + 365 * 86_400_000);
    }
    expect(incidents.map((incident) => incident.at)).toEqual([...incidents.map((incident) => incident.at)].sort((a, b) => a - b));
    // 400 and 300 per 1,000 households a year, 300 households: 120 and 90 expected.
    const burglaries = incidents.filter((incident) => incident.type.type === 'burglary').length;
    expect(burglaries).toBeGreaterThan(90);
    expect(burglaries).toBeLessThan(150);
  });

  it('follow an hour-of-day profile where one is given', () => {
    const nightOnly = Array.from({ length: 24 }, (_, hour) => (hour < 6 ? 1 : 0));
    const night = { ...scenario, incidents: [{ ...scenario.incidents[0]!, hourWeights: nightOnly }] };
    for (const incident of planIncidents(night, town, keyedStream(2, 'incidents'))) expect(new Date(incident.at).getUTCHours()).toBeLessThan(6);
  });
});

describe('incident hotspots', () => {
  const base = { ...tinyTown(), durationDays: 365 };
  const town = planTown(base, keyedStream(1, 'town'));
  const hot = town.neighbourhoods[0]!;
  const [lat, lng] = cellToLatLng(hot);
  const hotspot = (factor: number) => ({ ...base, incidentHotspots: [{ center: { lat, lng }, radiusMeters: 50, factor }] });
  const incidentsIn = (scenario: Scenario, cell: string) => planIncidents(scenario, town, keyedStream(1, 'incidents')).filter((incident) => incident.neighbourhood === cell).length;

  it('multiplies the rates of a neighbourhood whose centre lies in a hotspot, and no other', () => {
    expect(town.neighbourhoods.map((cell) => hotspotFactor(hotspot(5).incidentHotspots, cell))).toEqual(town.neighbourhoods.map((cell) => (cell === hot ? 5 : 1)));
    expect(incidentsIn(hotspot(5), hot)).toBeGreaterThan(3 * incidentsIn(base, hot));
    expect(incidentsIn(hotspot(0), hot)).toBe(0);
  });

  it('takes the largest factor where hotspots overlap', () => {
    const overlapping = [
      { center: { lat, lng }, radiusMeters: 50, factor: 2 },
      { center: { lat, lng }, radiusMeters: 300, factor: 3 },
    ];
    expect(hotspotFactor(overlapping, hot)).toBe(3);
  });

  it('moves with a generated town as it is scaled down; a town from a homes file keeps its map', () => {
    const scaled = scaleScenario(hotspot(5), 0.25);
    expect(scaled.town.sizeMeters).toBe(450);
    expect(metersBetween(scaled.town.center, scaled.incidentHotspots[0]!.center)).toBeCloseTo(metersBetween(base.town.center, { lat, lng }) / 2, 0);
    const homes = Array.from({ length: 80 }, (_, index) => ({ lat: 39.7 + index / 10_000, lng: -104.99 }));
    const mapped = scaleScenario({ ...base, town: { ...base.town, households: 80, homePoints: homes } }, 0.5);
    expect(mapped.town).toMatchObject({ sizeMeters: base.town.sizeMeters, households: 50, homePoints: homes });
  });
});
