import { describe, expect, it } from '@jest/globals';
import { loadScenario } from '../scenario/load-scenario.js';
import { keyedStream } from '../engine/random.js';
import { planIncidents } from './incidents.js';
import { installPilotCameras, pilotNeighbourhood, pilotReport } from './pilot.js';
import { planTown } from './town.js';

const scenario = loadScenario('fewer-break-ins');
const pilot = scenario.pilot!;
const start = Date.parse(`${scenario.start}T00:00:00Z`);

/** One run's pilot, planned without a database: town, incidents, the worst neighbourhood, its before and after. */
function plannedPilot(seed: number) {
  const town = planTown(scenario, keyedStream(seed, 'town'));
  const incidents = planIncidents(scenario, town, keyedStream(seed, 'incidents'));
  const neighbourhood = pilotNeighbourhood(pilot, incidents, town, start);
  const installed = installPilotCameras(pilot, neighbourhood, town.households, keyedStream(seed, 'pilot'));
  return { town, incidents, neighbourhood, report: pilotReport(pilot, neighbourhood, incidents, town, start, scenario.durationDays, installed) };
}

describe('the camera pilot (regression to the mean)', () => {
  const { town, incidents, neighbourhood, report } = plannedPilot(1);

  it('picks the neighbourhood with the most incidents of the type during the selection period', () => {
    const selection = incidents.filter((incident) => incident.type.type === 'burglary' && incident.at < start + 90 * 86_400_000);
    const count = (cell: string) => selection.filter((incident) => incident.neighbourhood === cell).length;
    for (const cell of town.neighbourhoods) expect(count(cell)).toBeLessThanOrEqual(count(neighbourhood));
    expect(report.before).toBe(count(neighbourhood));
    expect(report.townBefore).toBe(selection.length);
    // The long-run series holds the same incidents: the pilot's first three 30-day periods are its selection quarter.
    expect(report.per30Days.pilot.slice(0, 3).reduce((sum, count) => sum + count, 0)).toBe(report.before);
    expect(report.per30Days.pilot).toHaveLength(6);
  });

  it('puts its cameras on homes of that neighbourhood only, on its first day', () => {
    const pilotHomes = town.households.filter((household) => household.subsidised);
    expect(pilotHomes).toHaveLength(report.camerasInstalled);
    expect(pilotHomes.length).toBeGreaterThan(0);
    for (const household of pilotHomes) expect([household.neighbourhood, household.installDay]).toEqual([neighbourhood, 90]);
  });

  it('shows a drop in the pilot neighbourhood and none town-wide, over many towns, though cameras change nothing', () => {
    const runs = Array.from({ length: 25 }, (_, seed) => plannedPilot(100 + seed).report);
    // Pooled over the runs (a mean of per-run ratios of small counts is biased upwards).
    const total = (pick: (run: (typeof runs)[number]) => number) => runs.reduce((sum, run) => sum + pick(run), 0);
    const pilotChange = total((run) => run.after) / total((run) => run.before) - 1;
    const townChange = total((run) => run.townAfter) / total((run) => run.townBefore) - 1;
    expect(pilotChange).toBeLessThan(-0.3);
    expect(Math.abs(townChange)).toBeLessThan(0.12);
  });
});
