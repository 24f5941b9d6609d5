export { DEMO_PEOPLE_COUNT, demoLogins, demoPeople, type DemoLogin, type DemoPerson } from './demo-logins.js';
export { DemoTownModule } from './demo-town.module.js';
export { DemoTownService, type SeededPerson, type SeededTown } from './demo-town.service.js';
export { planTown, townMap, TOWN_CENTER, type TownBbox, type TownMap, type TownPlan, type TownStreet } from './town.js';
