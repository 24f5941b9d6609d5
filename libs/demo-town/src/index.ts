export { DEMO_PEOPLE_COUNT, demoLogins, demoPeople, type DemoLogin, type DemoPerson } from './demo-logins.js';
export { DemoTownModule } from './demo-town.module.js';
export { DemoTownService, type SeededPerson, type SeededTown } from './demo-town.service.js';
export { clipsBefore, gridMap, MAX_STREETS_EACH_WAY, planTown, townMap, TOWN_CENTER, type DemoAgency, type DemoHousehold, type TownBbox, type TownMap, type TownPlan, type TownStreet } from './town.js';
export { demoTownSpec, ScenarioTowns, type TownSpec } from './town-spec.js';
export { ScenarioNotFoundError } from './demo-town.errors.js';
export { SCENARIO_NAME_MAX, ShippedScenarioName } from './dto/scenario-name.property.js';
