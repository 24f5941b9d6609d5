import { ErrorBody } from '@app/errors';
import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiForbiddenResponse, ApiUnauthorizedResponse, DECORATORS } from '@nestjs/swagger';
import type { AuthUser } from '../domain/auth-user.js';
import { ROLES, type Role } from '../domain/roles.js';

export const IS_PUBLIC = 'auth:public';
export const REQUIRED_ROLES = 'auth:roles';

/**
 * Who may call an operation, in its OpenAPI document: the roles, `anyone` (no credentials) or
 * `sandbox-key`. Written by the same decorators that set what the guards enforce, so the document
 * cannot say otherwise; test/e2e/authorization-matrix.e2e-spec.ts calls every route as every kind
 * of caller and holds the answers to it. A decorator on the handler wins over the controller's.
 */
export const ROLES_EXTENSION = 'x-roles';
/** Whose objects an operation serves (see Serves). */
export const SERVES_EXTENSION = 'x-serves';

export type Caller = Role | 'anyone' | 'sandbox-key';

export const ApiCallers = (callers: readonly Caller[]): MethodDecorator & ClassDecorator => ApiExtension(ROLES_EXTENSION, callers);

/**
 * Whose objects an operation reaches, in its OpenAPI document (the services enforce it; another's
 * object answers 404, never 403):
 * - `caller`: the calling user's own (their cameras, consents, notifications, the requests asked of them);
 * - `agency`: those of the caller's agency, for officers and agency admins (platform staff allowed
 *   by the roles reach any);
 * - `all`: any, for whoever the roles admit (public directories, staff queues, aggregates).
 */
export type Served = 'caller' | 'agency' | 'all';
export const Serves = (served: Served): MethodDecorator & ClassDecorator => ApiExtension(SERVES_EXTENSION, served);

/**
 * Documents a route that needs no credentials as `security: []`, so that the document says it
 * is open on purpose rather than saying nothing. Swagger drops an empty list set on a handler,
 * so there it goes into the operation itself; on a controller, the list is the one an
 * `@ApiSecurity` (e.g. the sandbox key) then adds to.
 */
const NoCredentials = (): MethodDecorator & ClassDecorator => (target: object, _key?: string | symbol, descriptor?: PropertyDescriptor) => {
  if (descriptor) {
    const operation: object | undefined = Reflect.getMetadata(DECORATORS.API_OPERATION, descriptor.value);
    Reflect.defineMetadata(DECORATORS.API_OPERATION, { ...operation, security: [] }, descriptor.value);
    return;
  }
  Reflect.defineMetadata(DECORATORS.API_SECURITY, Reflect.getMetadata(DECORATORS.API_SECURITY, target) ?? [], target);
};

/** Every route needs a valid access token unless its handler or controller is marked public. */
export const Public = (): MethodDecorator & ClassDecorator => applyDecorators(SetMetadata(IS_PUBLIC, true), NoCredentials(), ApiCallers(['anyone']));

const A_ROLE: Record<Role, string> = {
  resident: 'a resident',
  officer: 'an officer',
  agency_admin: 'an agency admin',
  moderator: 'a moderator',
  admin: 'an admin',
};

const bearerToken = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ type: ErrorBody, description: 'No or invalid access token (UNAUTHORIZED, TOKEN_INVALID, TOKEN_EXPIRED)' }),
  );

/** Any signed-in caller: documents the bearer token and the 401 (the JWT guard enforces them). */
export const Authenticated = (): MethodDecorator & ClassDecorator => applyDecorators(bearerToken(), ApiCallers(ROLES));

/**
 * Only callers with one of these roles pass; others get 403. Declares the rule and documents it
 * (bearer token, 401, 403 naming the roles) in one place, so the two cannot disagree.
 */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(REQUIRED_ROLES, roles),
    bearerToken(),
    ApiCallers(roles),
    ApiForbiddenResponse({ type: ErrorBody, description: `Not ${roles.map((role) => A_ROLE[role]).join(' or ')}` }),
  );

/** The authenticated caller, as loaded by the JWT guard. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthUser => context.switchToHttp().getRequest<{ user: AuthUser }>().user,
);
