import { EnablePostgis1763900000000 } from './1763900000000-enable-postgis.js';
import { SandboxClock1763900050000 } from './1763900050000-sandbox-clock.js';

/** Every migration, oldest first. A new migration is added here and nowhere else. */
export const migrations = [EnablePostgis1763900000000, SandboxClock1763900050000];
