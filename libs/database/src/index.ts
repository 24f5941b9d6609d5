export { DatabaseModule } from './database.module.js';
export { dataSourceOptions } from './data-source-options.js';
export { SnakeNamingStrategy } from './snake-naming.strategy.js';
export { isUniqueViolation, isForeignKeyViolation } from './pg-errors.js';
export { databaseNameOf, testDatabaseUrl, withDatabaseName } from './database-url.js';
export { runMigrations } from './run-migrations.js';
export { decodePageCursor, encodePageCursor, type PagePosition } from './page-cursor.js';
