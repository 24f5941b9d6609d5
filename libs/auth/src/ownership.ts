import { NotFoundError } from '@app/errors';

/**
 * Another user's (or agency's) object answers exactly like a missing one, so a caller cannot
 * learn that it exists. Returns the entity, narrowed, for use in the same expression.
 */
export function assertOwned<T extends { ownerId: string }>(entity: T | null | undefined, ownerId: string, what: string): T;
export function assertOwned<T>(
  entity: T | null | undefined,
  ownerId: string,
  what: string,
  ownerOf: (entity: T) => string | null,
): T;
export function assertOwned<T>(
  entity: T | null | undefined,
  ownerId: string,
  what: string,
  ownerOf: (entity: T) => string | null = (owned) => (owned as { ownerId: string }).ownerId,
): T {
  if (entity === null || entity === undefined || ownerOf(entity) !== ownerId) throw new NotFoundError(what);
  return entity;
}
