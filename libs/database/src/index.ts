export { DatabaseModule } from './database.module.js';
export { dataSourceOptions } from './data-source-options.js';
export { SnakeNamingStrategy } from './snake-naming.strategy.js';
export { isUniqueViolation, isForeignKeyViolation } from './pg-errors.js';
export { databaseNameOf, testDatabaseUrl, withDatabaseName } from './database-url.js';
export { runMigrations } from './run-migrations.js';
export { PageQueryDto } from './page-query.dto.js';
export { decodePageCursor, encodePageCursor, keysetPage, parseCursor, type PagePosition } from './page-cursor.js';
export { readRows } from './pool-read.js';
