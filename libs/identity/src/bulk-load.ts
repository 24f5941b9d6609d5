import type { EntityManager } from 'typeorm';

/**
 * Residents loaded as scenery (the demo town's and the simulator's generated households): one
 * statement for thousands, sharing one password hash, with no sign-up in the audit log. Anyone
 * else signs up through AuthService.
 */
export interface NewResident {
  email: string;
  displayName: string;
}

/** Answers each new resident's id by email. Emails must be new and already normalized. */
export async function insertResidents(manager: EntityManager, residents: NewResident[], passwordHash: string, now: Date): Promise<Map<string, string>> {
  const users: { id: string; email: string }[] = await manager.query(
    `INSERT INTO app_user (email, display_name, role, password_hash, created_at)
     SELECT email, display_name, 'resident', $3, $4 FROM unnest($1::text[], $2::text[]) AS t (email, display_name)
     RETURNING id, email`,
    [residents.map((r) => r.email), residents.map((r) => r.displayName), passwordHash, now],
  );
  return new Map(users.map((user) => [user.email, user.id]));
}
