import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options.js';

/** Used only by the TypeORM CLI (`npm run migration:*`); entities are found by their file names. */
const config = loadConfig();
export default new DataSource({
  ...dataSourceOptions(config.database.url),
  entities: ['libs/*/src/**/*.entity.ts'],
});
