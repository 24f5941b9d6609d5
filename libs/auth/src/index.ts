// Request-time building blocks every HTTP module needs, below every domain lib: who is calling
// (AuthUser), the roles, the route decorators and the two global guards. It knows no table and
// no token format: identity provides the RequestAuthenticator that reads both.
export { actorOf, type AuthUser } from './domain/auth-user.js';
export { AGENCY_ROLES, ROLES, STAFF_ROLES, isRole, roleAllowed, type AgencyRole, type Role, type StaffRole } from './domain/roles.js';
export { ApiCallers, Authenticated, CurrentUser, Public, Roles, ROLES_EXTENSION, Serves, SERVES_EXTENSION, type Caller, type Served } from './http/auth.decorators.js';
export { bearerToken, JwtAuthGuard, type AuthenticatedRequest } from './http/jwt-auth.guard.js';
export { RolesGuard } from './http/roles.guard.js';
export { assertOwned } from './ownership.js';
export { RequestAuthenticator } from './request-authenticator.js';
