export { LoggingModule, requestIdOf } from './logging.module.js';
export { logRequests, redactQueryToken, requestLogLevel, requestLogLine } from './request-log.js';
