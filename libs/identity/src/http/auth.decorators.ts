import { ErrorBody } from '@app/errors';
import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { AuthUser } from '../domain/auth-user.js';
import type { Role } from '../domain/roles.js';

export const IS_PUBLIC = 'identity:public';
export const REQUIRED_ROLES = 'identity:roles';

/** Every route needs a valid access token unless its handler or controller is marked public. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

const A_ROLE: Record<Role, string> = {
  resident: 'a resident',
  officer: 'an officer',
  agency_admin: 'an agency admin',
  moderator: 'a moderator',
  admin: 'an admin',
};

/** Any signed-in caller: documents the bearer token and the 401 (the JWT guard enforces them). */
export const Authenticated = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ type: ErrorBody, description: 'No or invalid access token (UNAUTHORIZED, TOKEN_INVALID, TOKEN_EXPIRED)' }),
  );

/**
 * Only callers with one of these roles pass; others get 403. Declares the rule and documents it
 * (bearer token, 401, 403 naming the roles) in one place, so the two cannot disagree.
 */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(REQUIRED_ROLES, roles),
    Authenticated(),
    ApiForbiddenResponse({ type: ErrorBody, description: `Not ${roles.map((role) => A_ROLE[role]).join(' or ')}` }),
  );

/** The authenticated caller, as loaded by the JWT guard. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthUser => context.switchToHttp().getRequest<{ user: AuthUser }>().user,
);
