import { describe, expect, it } from '@jest/globals';
import { InvalidConfigError, parseConfig } from '../load-config.js';

const required = {
  JWT_SECRET: 'a-jwt-secret-of-at-least-32-characters',
  ADMIN_PASSWORD: 'an-admin-password',
};

function problemsOf(env: Record<string, string | undefined>): InvalidConfigError {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof InvalidConfigError) return error;
    throw error;
  }
  throw new Error('expected InvalidConfigError');
}

describe('configuration from the environment', () => {
  it('names every bad variable at once, not just the first', () => {
    const error = problemsOf({
      ...required,
      PORT: 'abc',
      JWT_SECRET: 'too-short',
      DATABASE_URL: 'mysql://root@localhost/porchlight',
      LOG_LEVEL: 'loud',
    });
    expect(error.problems.map((problem) => problem.variable).sort()).toEqual(['DATABASE_URL', 'JWT_SECRET', 'LOG_LEVEL', 'PORT']);
    for (const variable of ['PORT', 'JWT_SECRET', 'DATABASE_URL', 'LOG_LEVEL']) expect(error.message).toContain(variable);
  });

  it('keeps sandbox time in the process only where no other process shares the world', () => {
    expect(problemsOf({ ...required, SANDBOX_CLOCK: 'process' }).problems).toEqual([
      { variable: 'SANDBOX_CLOCK', message: 'may be process only with PIPELINES=inline (no other process shares the world)' },
    ]);
    expect(parseConfig({ ...required, SANDBOX_CLOCK: 'process', PIPELINES: 'inline' }).sandbox.clock).toBe('process');
  });

  it('prepares statements unless told 0, and refuses a count that is not a whole number', () => {
    expect(parseConfig({ ...required, DATABASE_PREPARED_STATEMENTS: '0' }).database.preparedStatements).toBe(0);
    expect(problemsOf({ ...required, DATABASE_PREPARED_STATEMENTS: 'many' }).problems.map((problem) => problem.variable)).toEqual(['DATABASE_PREPARED_STATEMENTS']);
    expect(problemsOf({ ...required, DATABASE_PREPARED_STATEMENTS: '-1' }).problems.map((problem) => problem.variable)).toEqual(['DATABASE_PREPARED_STATEMENTS']);
  });

  it('says a missing secret is required', () => {
    const error = problemsOf({ ADMIN_PASSWORD: required.ADMIN_PASSWORD });
    expect(error.problems).toEqual([{ variable: 'JWT_SECRET', message: 'is required' }]);
  });

  it('treats an empty value as unset, so the default applies', () => {
    expect(parseConfig({ ...required, PORT: '' }).http.port).toBe(3000);
  });

  it('applies the documented defaults and leaves the sandbox off without SANDBOX_KEY', () => {
    const config = parseConfig(required);
    expect(config.http).toMatchObject({ host: '127.0.0.1', port: 3000, workerHealthPort: 3001 });
    expect(config.database).toEqual({ url: 'postgres://postgres@127.0.0.1:5432/porchlight', poolSize: 10, preparedStatements: 1000 });
    expect(config.redis).toEqual({ url: 'redis://127.0.0.1:6379', queuePrefix: 'porchlight', pipelines: 'queued' });
    expect(config.sandbox).toEqual({ key: undefined, tickSeconds: 60, settleTimeoutMs: 30000, clock: 'database' });
    expect(config.sandboxEnabled).toBe(false);
    expect(config.log.level).toBe('info');
  });

  it('turns strings into typed values', () => {
    const config = parseConfig({ ...required, PORT: '8080', LOG_PRETTY: 'false', SANDBOX_KEY: 'a-sandbox-key-0123' });
    expect(config.http.port).toBe(8080);
    expect(config.log.pretty).toBe(false);
    expect(config.sandboxEnabled).toBe(true);
  });

  it('reads the CORS allow-list as origins, and refuses anything that is not one', () => {
    expect(parseConfig(required).http.corsOrigins).toEqual([]);
    expect(parseConfig({ ...required, CORS_ORIGINS: 'https://school.example, http://localhost:5173' }).http.corsOrigins).toEqual([
      'https://school.example',
      'http://localhost:5173',
    ]);
    for (const bad of ['*', 'https://school.example/path', 'school.example']) {
      expect(problemsOf({ ...required, CORS_ORIGINS: bad }).problems.map((problem) => problem.variable)).toEqual(['CORS_ORIGINS']);
    }
  });

  it('bounds answers in time, never shorter than a clock move may wait', () => {
    expect(parseConfig(required).http).toMatchObject({ requestTimeoutMs: 60_000, bodyLimitBytes: 1024 * 1024 });
    expect(problemsOf({ ...required, HTTP_REQUEST_TIMEOUT_MS: '20000', CLOCK_SETTLE_TIMEOUT_MS: '30000' }).problems).toEqual([
      { variable: 'HTTP_REQUEST_TIMEOUT_MS', message: 'must be longer than CLOCK_SETTLE_TIMEOUT_MS (a clock move waits that long for due jobs)' },
    ]);
    expect(problemsOf({ ...required, HTTP_BODY_LIMIT_BYTES: '10' }).problems.map((problem) => problem.variable)).toEqual(['HTTP_BODY_LIMIT_BYTES']);
  });

  it('runs comparisons with SIMULATOR_JOBS processes, from a template of its own unless told', () => {
    expect(parseConfig(required).simulator).toEqual({ templateUrl: undefined, jobs: 2 });
    expect(problemsOf({ ...required, SIMULATOR_JOBS: '0' }).problems.map((problem) => problem.variable)).toEqual(['SIMULATOR_JOBS']);
    expect(problemsOf({ ...required, SIMULATOR_TEMPLATE_DATABASE_URL: 'mysql://x/y' }).problems.map((problem) => problem.variable)).toEqual(['SIMULATOR_TEMPLATE_DATABASE_URL']);
  });
});
