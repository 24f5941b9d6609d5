import { type AuthUser, RequestAuthenticator } from '@app/auth';
import { Injectable } from '@nestjs/common';
import { TokenInvalidError } from './identity.errors.js';
import { TokenService } from './token.service.js';
import { UsersRepository } from './users.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An access token to the user it stands for, loaded fresh, so a deleted account (e.g. after a
 * sandbox reset) or a changed role takes effect at once. Shared by HTTP and socket handshakes
 * (as the RequestAuthenticator of @app/auth).
 */
@Injectable()
export class AccessTokenAuthenticator extends RequestAuthenticator {
  constructor(
    private readonly tokens: TokenService,
    private readonly users: UsersRepository,
  ) {
    super();
  }

  async authenticate(token: string): Promise<AuthUser> {
    const claims = this.tokens.verify(token);
    const account = typeof claims.sub === 'string' && UUID.test(claims.sub) ? await this.users.findAccount(claims.sub) : null;
    if (!account) throw new TokenInvalidError('The account of this access token no longer exists');
    return account;
  }
}
