export { LoggingModule, redactQueryToken, requestIdOf } from './logging.module.js';
