import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from '../domain/auth-user.js';
import { RequestAuthenticator } from '../request-authenticator.js';
import { IS_PUBLIC } from './auth.decorators.js';
import { AccessTokenRequiredError } from '../auth.errors.js';

export type AuthenticatedRequest = FastifyRequest & { user?: AuthUser };

export function bearerToken(header: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
}

/** Global guard: every request but the public ones carries a valid access token of a live account. */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: RequestAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Sockets authenticate once, in the realtime gateway's handshake.
    if (context.getType() !== 'http') return true;
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new AccessTokenRequiredError();
    request.user = await this.authenticator.authenticate(token);
    return true;
  }
}
