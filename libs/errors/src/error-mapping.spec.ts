import { describe, expect, it } from '@jest/globals';
import { mapError } from './error-mapping.js';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('mapError: an outage is a 503 that says which service, never a 500', () => {
  it('reads PostgreSQL gone from the driver, the pool and the network', () => {
    const down = [
      withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      // TypeORM's QueryFailedError keeps the driver's error: the server is shutting down (57P01).
      Object.assign(new Error('terminating connection due to administrator command'), { driverError: { code: '57P01' } }),
      Object.assign(new Error('query failed'), { driverError: { code: '08006' } }),
    ];
    for (const error of down) expect(mapError(error)).toMatchObject({ statusCode: 503, code: 'DATABASE_UNAVAILABLE', unexpected: false });
  });

  it('reads Redis gone from ioredis', () => {
    const maxRetries = Object.assign(new Error('Reached the max retries per request limit'), { name: 'MaxRetriesPerRequestError' });
    for (const error of [maxRetries, new Error('Connection is closed.'), new Error("Stream isn't writeable and enableOfflineQueue options is false")]) {
      expect(mapError(error)).toMatchObject({ statusCode: 503, code: 'REDIS_UNAVAILABLE' });
    }
  });

  it('leaves other database errors as the 500 they are', () => {
    expect(mapError(Object.assign(new Error('syntax error'), { driverError: { code: '42601' } }))).toMatchObject({ statusCode: 500, unexpected: true });
    expect(mapError(new Error('something else'))).toMatchObject({ statusCode: 500, unexpected: true });
  });
});
