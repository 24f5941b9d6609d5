import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { AppConfig } from './app-config.js';
import { envSchema } from './env.schema.js';

export class InvalidConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      'Invalid configuration: ' +
        problems.map((problem) => `${problem.variable} ${problem.message}`).join('; '),
    );
    this.name = 'InvalidConfigError';
  }
}

/** Parses an environment into AppConfig, or throws InvalidConfigError naming every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  // An empty string means "not set" so that `FOO= npm start` falls back to the default.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = envSchema.safeParse(present);
  if (!result.success) {
    throw new InvalidConfigError(
      result.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? 'environment'),
        message: issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message,
      })),
    );
  }
  return new AppConfig(result.data);
}

let cached: AppConfig | undefined;

/**
 * The process's configuration: `.env` in the working directory (written by `npm run setup` for
 * local use; real environment variables win), then process.env, validated once.
 */
export function loadConfig(): AppConfig {
  if (!cached) {
    const envFile = resolve(process.cwd(), '.env');
    const fromFile = existsSync(envFile) ? parseEnv(readFileSync(envFile, 'utf8')) : {};
    cached = parseConfig({ ...fromFile, ...process.env });
  }
  return cached;
}

/** Runs an entry point, turning a configuration error into one clear line and exit code 78. */
export async function runWithConfig(main: (config: AppConfig) => Promise<void>): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof InvalidConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  await main(config);
}
