import type { Role } from './roles.js';

/**
 * Who is calling, as the global JWT guard puts it on `request.user`: their account, loaded fresh
 * per request (without the password hash), so a route about the caller needs no second read.
 */
export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  agencyId: string | null;
  createdAt: Date;
}

export const actorOf = (user: Pick<AuthUser, 'id'>): string => `user:${user.id}`;
