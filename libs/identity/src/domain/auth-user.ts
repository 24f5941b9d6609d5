import type { Role } from './roles.js';

/** Who is calling, as the global JWT guard puts it on `request.user`. Loaded fresh per request. */
export interface AuthUser {
  id: string;
  email: string;
  role: Role;
  agencyId: string | null;
}

export const actorOf = (user: Pick<AuthUser, 'id'>): string => `user:${user.id}`;
