import { EnablePostgis1763900000000 } from './1763900000000-enable-postgis.js';

/** Every migration, oldest first. A new migration is added here and nowhere else. */
export const migrations = [EnablePostgis1763900000000];
