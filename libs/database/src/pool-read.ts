import type pg from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';

/**
 * One read statement outside any transaction, sent straight to the pg pool TypeORM already holds.
 * For the reads every request makes (the caller's account, an inbox page): `DataSource.query`
 * creates, connects and releases a query runner around each statement, which cost the api more
 * CPU than PostgreSQL spent answering (bench/README.md, "http"). Writes and transactions keep
 * going through TypeORM's managers.
 */
export async function readRows<Row>(dataSource: DataSource, sql: string, params: unknown[]): Promise<Row[]> {
  const pool = (dataSource.driver as PostgresDriver).master as pg.Pool;
  const result = await pool.query(sql, params);
  return result.rows as Row[];
}
