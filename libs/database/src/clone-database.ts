import { databaseNameOf, withDatabaseName } from './database-url.js';
import { onServer } from './on-server.js';

export interface ClonedDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}


export interface CloneOptions {
  /**
   * A copy nobody needs after a crash (a simulator run's): its commits do not wait for
   * the write-ahead log to reach the disk (`synchronous_commit = off`). A crash may lose the last
   * few transactions but never corrupts the database; a run of small transactions stops waiting
   * on the disk at every commit.
   */
  disposable?: boolean;
}

/**
 * A new database `name` copied from a migrated template (~100 ms, where migrating takes
 * seconds): a test file's or a simulator run's own, so they run side by side.
 */
export async function cloneDatabase(templateUrl: string, name: string, { disposable = false }: CloneOptions = {}): Promise<ClonedDatabase> {
  const template = databaseNameOf(templateUrl);
  await onServer(templateUrl, async (client) => {
    // Two clones of one template at the same instant can collide; try again briefly.
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
        // A database's settings are not copied from its template.
        if (disposable) await client.query(`ALTER DATABASE "${name}" SET synchronous_commit = off`);
        return;
      } catch (error) {
        if (attempt >= 50 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + 20 * attempt));
      }
    }
  });
  return {
    name,
    url: withDatabaseName(templateUrl, name),
    drop: () => onServer(templateUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
