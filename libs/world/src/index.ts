export { World, type InWorld } from './world.js';
export { WorldModule } from './world.module.js';
export { WorldJobHost, type WorldStamp } from './world-job-host.js';
