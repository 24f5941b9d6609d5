import { AppConfig } from '@app/config';
import { UnauthorizedError } from '@app/errors';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Role } from './domain/roles.js';

export interface TokenClaims {
  sub: string;
  role: Role;
}

export class TokenExpiredError extends UnauthorizedError {
  constructor() {
    super('The access token has expired; log in again', 'TOKEN_EXPIRED');
  }
}

export class TokenInvalidError extends UnauthorizedError {
  constructor(message = 'The access token is not valid') {
    super(message, 'TOKEN_INVALID');
  }
}

/**
 * HS256 access tokens. Expiry is checked against real time, not the sandbox clock: moving
 * simulated time forward must not log out the test suite or the classroom driving it.
 */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  get ttlSeconds(): number {
    return this.config.auth.jwtTtlSeconds;
  }

  issue(user: { id: string; role: Role }): string {
    return this.jwt.sign<TokenClaims>({ sub: user.id, role: user.role });
  }

  verify(token: string): TokenClaims {
    try {
      return this.jwt.verify<TokenClaims>(token);
    } catch (error) {
      if ((error as Error).name === 'TokenExpiredError') throw new TokenExpiredError();
      throw new TokenInvalidError();
    }
  }
}
