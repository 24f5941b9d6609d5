import { QueryFailedError } from 'typeorm';

interface PgError {
  code?: string;
  constraint?: string;
}

const driverErrorOf = (error: unknown): PgError | undefined =>
  error instanceof QueryFailedError ? (error.driverError as PgError) : undefined;

/** PostgreSQL 23505: repositories turn it into their context's conflict error. */
export const isUniqueViolation = (error: unknown, constraint?: string): boolean => {
  const pg = driverErrorOf(error);
  return pg?.code === '23505' && (constraint === undefined || pg.constraint === constraint);
};

export const isForeignKeyViolation = (error: unknown): boolean => driverErrorOf(error)?.code === '23503';
