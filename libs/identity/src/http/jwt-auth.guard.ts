import { UnauthorizedError } from '@app/errors';
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from '../domain/auth-user.js';
import { TokenInvalidError, TokenService } from '../token.service.js';
import { UsersService } from '../users.service.js';
import { IS_PUBLIC } from './auth.decorators.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type AuthenticatedRequest = FastifyRequest & { user?: AuthUser };

export function bearerToken(header: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
}

/**
 * Global guard: verifies the access token and loads its user on every request, so a deleted
 * account (e.g. after a sandbox reset) or a changed role takes effect at once.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly users: UsersService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Sockets authenticate once, in the realtime gateway's handshake.
    if (context.getType() !== 'http') return true;
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new UnauthorizedError('An access token is required (Authorization: Bearer <token>)');
    const claims = this.tokens.verify(token);
    const user = typeof claims.sub === 'string' && UUID.test(claims.sub) ? await this.users.findById(claims.sub) : null;
    if (!user) throw new TokenInvalidError('The account of this access token no longer exists');
    request.user = { id: user.id, email: user.email, role: user.role, agencyId: user.agencyId };
    return true;
  }
}
