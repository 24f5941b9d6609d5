import { createHash } from 'node:crypto';
import pg from 'pg';

type Query = typeof pg.Client.prototype.query;

/**
 * A pg client that prepares each parameterised statement once per connection: it gives the
 * statement a name (a hash of its text), so pg sends Parse only the first time and PostgreSQL
 * keeps the parsed statement, and after five runs may keep one plan for it (plan_cache_mode
 * auto chooses a generic plan only when it is estimated no dearer than the custom ones). Planning
 * was most of PostgreSQL's work per statement here (bench/README.md, "sim"), as it is for any
 * short OLTP statement; JDBC and asyncpg prepare by default for the same reason.
 *
 * At most `limit` distinct texts per process are prepared, so SQL built with a varying text
 * cannot fill the connections' memory; the rest run unnamed, as without this client. Statements
 * without parameters (BEGIN, COMMIT, migrations' DDL, several statements in one string) go through
 * the simple protocol as before.
 */
export function preparingClient(limit: number): typeof pg.Client {
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    let name = names.get(text);
    if (name === undefined && names.size < limit) {
      name = `pl_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
      names.set(text, name);
    }
    return name;
  };
  const plainQuery: Query = pg.Client.prototype.query;

  class PreparingClient extends pg.Client {}
  PreparingClient.prototype.query = function (this: pg.Client, config: unknown, values?: unknown, callback?: unknown) {
    const name = typeof config === 'string' && Array.isArray(values) && values.length > 0 ? nameOf(config) : undefined;
    return name === undefined
      ? (plainQuery as (...args: unknown[]) => unknown).call(this, config, values, callback)
      : (plainQuery as (...args: unknown[]) => unknown).call(this, { name, text: config, values }, callback);
  } as Query;
  return PreparingClient;
}
