import { planTown, townMap, type TownMap, type TownPlan } from './town.js';

/**
 * A town the sandbox can load: its agencies and households, its map, and which of its agencies
 * the named officers serve. Porchlight Falls is one; a simulator scenario's own town is another
 * (ScenarioTowns), with the same named people — Alice, Bob and Chloé on their porches just north
 * of the centre, the officers in its first agencies — so that a lesson's steps read the same in both.
 */
export interface TownSpec {
  name: string;
  plan: TownPlan;
  map: TownMap;
  /** This town's agency key for a named person's demo agency key (`north`, `south`, `county`). */
  agencyFor(demoKey: string): string;
}

export function demoTownSpec(now: Date): TownSpec {
  return { name: 'Porchlight Falls', plan: planTown({ now }), map: townMap(), agencyFor: (key) => key };
}

/**
 * The simulator's shipped scenarios as towns for the sandbox (a port: the simulator lives in
 * apps/sim, which composes the product's libs; the api binds it).
 */
export abstract class ScenarioTowns {
  /** Scenario `name`'s town as its simulator run starts, with clips in the days before `now`; undefined when no shipped scenario has that name. */
  abstract spec(name: string, now: Date): TownSpec | undefined;
}
