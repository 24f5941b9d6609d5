import { randomBytes } from 'node:crypto';
import { cloneDatabase, databaseNameOf, simTemplateUrl, type ClonedDatabase } from '@app/database';

/**
 * A database of the run's own, `porchlight_sim_<scenario>_<policy>_<hex>`, cloned from the
 * migrated template (`npm run sim` prepares it; tests pass theirs), so runs never touch the demo
 * data and can run side by side. Disposable: a run lost in a crash is simply run again.
 */
export function createRunDatabase(appDatabaseUrl: string, label: string, templateUrl = simTemplateUrl(appDatabaseUrl)): Promise<ClonedDatabase> {
  const name = `${databaseNameOf(templateUrl)}_${label.replace(/[^a-z0-9]/g, '_').slice(0, 30)}_${randomBytes(3).toString('hex')}`;
  return cloneDatabase(templateUrl, name, { disposable: true });
}
