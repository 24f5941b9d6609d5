import type { Queryable } from '@app/geo';
import type pg from 'pg';
import type { EntityManager } from 'typeorm';

/**
 * Lets a product repository send its statements with pg directly, without Nest or TypeORM: the
 * benchmarks' raw side runs exactly the product's SQL, not a copy of it.
 */
export const viaPg = (client: pg.Pool | pg.PoolClient): Queryable =>
  ({ query: async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rows }) as unknown as Queryable;

export interface Statement {
  sql: string;
  params: unknown[];
}

/** The (last) statement a repository method sends, without running it; it gets `answer` back. */
export async function captureStatement(call: (db: EntityManager) => Promise<unknown>, answer: unknown = [{}]): Promise<Statement> {
  const statement: Statement = { sql: '', params: [] };
  const recorder = {
    query: async (sql: string, params: unknown[] = []) => {
      statement.sql = sql;
      statement.params = params;
      return answer;
    },
  } as unknown as EntityManager;
  await call(recorder);
  return statement;
}

/** EXPLAIN (ANALYZE, BUFFERS) of a statement, as one text. */
export async function explain(db: Queryable, statement: Statement): Promise<string> {
  const rows: { 'QUERY PLAN': string }[] = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`, statement.params);
  return rows.map((row) => row['QUERY PLAN']).join('\n');
}

/** Runs `work` on one client inside a transaction that is always rolled back (EXPLAIN ANALYZE writes). */
export async function inRolledBack<T>(db: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    return await work(client);
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
}
