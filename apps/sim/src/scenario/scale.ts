import type { Scenario } from './scenario.schema.js';

/**
 * A scenario at a fraction of its size, for a quick look or a smoke test: fewer households and
 * fewer days, the same rates, rules and behaviour. Parts the scenario times by day (a pilot's
 * selection, a subsidy's start) shrink with it; budgets shrink with the households.
 */
export function scaleScenario(scenario: Scenario, factor: number): Scenario {
  if (factor === 1) return scenario;
  const days = (value: number) => Math.max(1, Math.round(value * factor));
  const durationDays = Math.max(14, days(scenario.durationDays));
  const ratio = durationDays / scenario.durationDays;
  // A generated town shrinks with its households, so as many owners live within a request's
  // circle; a town from a homes file keeps its map, and fewer of its homes are drawn.
  const side = scenario.town.homePoints ? 1 : Math.sqrt(factor);
  const { center } = scenario.town;
  const households = Math.max(50, Math.round(scenario.town.households * factor));
  return {
    ...scenario,
    durationDays,
    town: { ...scenario.town, sizeMeters: Math.max(200, scenario.town.sizeMeters * side), households: Math.min(households, scenario.town.homePoints?.length ?? households) },
    // Hotspots move with the shrinking town, towards its centre.
    incidentHotspots: scenario.incidentHotspots.map((hotspot) => ({
      ...hotspot,
      center: { lat: center.lat + (hotspot.center.lat - center.lat) * side, lng: center.lng + (hotspot.center.lng - center.lng) * side },
      radiusMeters: Math.max(50, hotspot.radiusMeters * side),
    })),
    adoption: { ...scenario.adoption, midpointDay: scenario.adoption.midpointDay * ratio, steepnessPerDay: Math.min(5, scenario.adoption.steepnessPerDay / ratio) },
    ...(scenario.pilot && { pilot: { ...scenario.pilot, selectionDays: Math.max(7, Math.floor((scenario.pilot.selectionDays * ratio))) } }),
    ...(scenario.subsidy && {
      subsidy: {
        ...scenario.subsidy,
        startDay: Math.floor(scenario.subsidy.startDay * ratio),
        budgetUnits: Math.max(1, Math.round(scenario.subsidy.budgetUnits * factor)),
        radiusMeters: Math.max(50, scenario.subsidy.radiusMeters * side),
      },
    }),
  };
}
