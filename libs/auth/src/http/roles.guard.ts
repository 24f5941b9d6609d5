import { ForbiddenError, UnauthorizedError } from '@app/errors';
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { roleAllowed, type Role } from '../domain/roles.js';
import { REQUIRED_ROLES } from './auth.decorators.js';
import type { AuthenticatedRequest } from './jwt-auth.guard.js';

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
    if (!user) throw new UnauthorizedError();
    if (!roleAllowed(user.role, required)) {
      throw new ForbiddenError(`Only ${required.join(' or ')} may do this`, 'FORBIDDEN', { requiredRoles: required });
    }
    return true;
  }
}
