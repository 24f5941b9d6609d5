import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { roleAllowed, type Role } from '../domain/roles.js';
import { REQUIRED_ROLES } from './auth.decorators.js';
import type { AuthenticatedRequest } from './jwt-auth.guard.js';
import { AccessTokenRequiredError, RoleForbiddenError } from '../auth.errors.js';

/** Global guard after JwtAuthGuard: enforces @Roles(...). */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!required?.length) return true;
    const { user } = context.switchToHttp().getRequest<AuthenticatedRequest>();
    // The authentication guard runs first and sets the user on every route that is not public.
    if (!user) throw new AccessTokenRequiredError();
    if (!roleAllowed(user.role, required)) throw new RoleForbiddenError(required);
    return true;
  }
}
