import type { DataSourceOptions } from 'typeorm';
import { migrations } from './migrations/index.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

/**
 * The one TypeORM configuration for the api, the worker, tests and the migration CLI.
 * Schema changes come from migrations only; `synchronize` is off everywhere.
 */
export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
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
    extra: { max: poolSize, application_name: 'porchlight' },
  };
}
