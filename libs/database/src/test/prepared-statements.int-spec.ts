import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { preparingClient } from '../prepared-statements.js';

/** What this session has prepared, as PostgreSQL itself lists it. */
const prepared = async (client: pg.PoolClient): Promise<string[]> =>
  (await client.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements ORDER BY statement')).rows.map((row) => row.statement);

describe('prepared statements (libs/database)', () => {
  let db: TestDatabase;
  let pool: pg.Pool;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new pg.Pool({ connectionString: db.url, max: 1, Client: preparingClient(2) });
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it('prepares a statement with parameters once per connection, answers as unnamed ones do, and stops at the limit', async () => {
    const client = await pool.connect();
    try {
      const double = 'SELECT $1::int * 2 AS doubled';
      expect((await client.query(double, [21])).rows).toEqual([{ doubled: 42 }]);
      expect((await client.query(double, [5])).rows).toEqual([{ doubled: 10 }]);
      // Without parameters: the simple protocol, as before (several statements in one string work).
      await client.query('SELECT 1; SELECT 2');
      expect(await prepared(client)).toEqual([double]);

      await client.query('SELECT $1::text AS said', ['second']);
      // Past the limit of two texts: still answered, not prepared.
      expect((await client.query('SELECT $1::int + 1 AS next', [1])).rows).toEqual([{ next: 2 }]);
      expect(await prepared(client)).toEqual([double, 'SELECT $1::text AS said'].sort());
    } finally {
      client.release();
    }
  });

  it('reports a bad statement as PostgreSQL does, each time: a failed prepare is not taken for done', async () => {
    const fresh = new pg.Pool({ connectionString: db.url, max: 1, Client: preparingClient(10) });
    const client = await fresh.connect();
    try {
      const bad = 'SELECT $1::int FROM no_such_table';
      await expect(client.query(bad, [1])).rejects.toThrow('relation "no_such_table" does not exist');
      await expect(client.query(bad, [1])).rejects.toThrow('relation "no_such_table" does not exist');
      expect(await prepared(client)).toEqual([]);
      expect((await client.query('SELECT $1::int AS fine', [7])).rows).toEqual([{ fine: 7 }]);
    } finally {
      client.release();
      await fresh.end();
    }
  });
});
