export { LoggingModule, requestIdOf } from './logging.module.js';
