import type { AuthUser } from './domain/auth-user.js';

/**
 * Turns a bearer token into the account it stands for, or throws a 401 error. Declared here, below
 * every domain lib, so that the guard (and the socket handshake, and the queue board) need no
 * import of identity; identity provides the implementation (AccessTokenAuthenticator).
 */
export abstract class RequestAuthenticator {
  abstract authenticate(token: string): Promise<AuthUser>;
}
