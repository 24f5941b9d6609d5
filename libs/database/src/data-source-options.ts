import type { DataSourceOptions } from 'typeorm';
import { migrations } from './migrations/index.js';
import { preparingClient } from './prepared-statements.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

const CONNECT_TIMEOUT_MS = 10_000;

/**
 * The one TypeORM configuration for the api, the worker, tests and the migration CLI.
 * Schema changes come from migrations only; `synchronize` is off everywhere. With
 * `preparedStatements` above 0, that many statement texts are prepared once per connection
 * (prepared-statements.ts); the migration CLI and one-off tools leave it at 0.
 */
export function dataSourceOptions(url: string, poolSize = 10, preparedStatements = 0): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    namingStrategy: new SnakeNamingStrategy(),
    migrations,
    migrationsTableName: 'migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Extensions come from migrations, not from TypeORM guessing what the entities might need.
    installExtensions: false,
    migrationsRun: false,
    // A connection not had within 10 s (the server gone, or every connection busy that long) fails the
    // request with 503 DATABASE_UNAVAILABLE rather than holding it until HTTP_REQUEST_TIMEOUT_MS.
    extra: { max: poolSize, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, application_name: 'porchlight', ...(preparedStatements > 0 ? { Client: preparingClient(preparedStatements) } : {}) },
  };
}
