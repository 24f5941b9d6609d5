export { AppConfig } from './app-config.js';
export { ConfigModule } from './config.module.js';
export { envSchema, type Env } from './env.schema.js';
export { InvalidConfigError, loadConfig, parseConfig, runWithConfig } from './load-config.js';
