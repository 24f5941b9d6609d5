export const ROLES = ['resident', 'officer', 'agency_admin', 'moderator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Platform staff an admin may create through `POST /api/users`; agency staff come with agencies. */
export const STAFF_ROLES = ['moderator', 'admin'] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Roles that belong to one agency (app_user.agency_id is set exactly for these). */
export const AGENCY_ROLES = ['officer', 'agency_admin'] as const satisfies readonly Role[];
export type AgencyRole = (typeof AGENCY_ROLES)[number];

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);

/** A route without required roles admits every authenticated user. */
export const roleAllowed = (role: Role, required: readonly Role[] | undefined): boolean =>
  !required || required.length === 0 || required.includes(role);
