import { describe, expect, it } from '@jest/globals';
import type { AppConfig } from '@app/config';
import { createSigner } from 'fast-jwt';
import { TokenExpiredError, TokenInvalidError } from '../identity.errors.js';
import { TokenService } from '../token.service.js';

const SECRET = 'a-test-secret-of-more-than-thirty-two-characters';
const config = { auth: { jwtSecret: SECRET, jwtTtlSeconds: 3600 } } as AppConfig;
const claims = { sub: '6f1c2a9e-8b0d-4d5e-9a51-0f3b7c2d1e4a', role: 'resident' } as const;
const service = () => new TokenService(config);

describe('TokenService (RFC 8725: pinned algorithm, required expiry)', () => {
  it('verifies what it issued, with an expiry of JWT_TTL_SECONDS', () => {
    const tokens = service();
    const verified = tokens.verify(tokens.issue({ id: claims.sub, role: claims.role })) as unknown as { sub: string; role: string; iat: number; exp: number };
    expect(verified).toMatchObject(claims);
    expect(verified.exp - verified.iat).toBe(3600);
  });

  it('refuses a token signed with the same secret under another algorithm', () => {
    const hs512 = createSigner({ key: SECRET, algorithm: 'HS512', expiresIn: 60_000 })(claims);
    expect(() => service().verify(hs512)).toThrow(TokenInvalidError);
  });

  it('refuses an unsigned token (alg none) and one signed with another key', () => {
    const none = createSigner({ algorithm: 'none', expiresIn: 60_000 })(claims);
    const otherKey = createSigner({ key: `${SECRET}-other`, algorithm: 'HS256', expiresIn: 60_000 })(claims);
    expect(() => service().verify(none)).toThrow(TokenInvalidError);
    expect(() => service().verify(otherKey)).toThrow(TokenInvalidError);
  });

  it('refuses a token without an expiry, however well signed', () => {
    const forever = createSigner({ key: SECRET, algorithm: 'HS256' })(claims);
    expect(() => service().verify(forever)).toThrow(TokenInvalidError);
  });

  it('says a token expired once it has, though it was verified (and cached) while still valid', async () => {
    const tokens = service();
    // Issued 59 s before the current second, for 60 s: it expires within the next two seconds.
    const issuedAtMs = (Math.floor(Date.now() / 1000) - 59) * 1000;
    const token = createSigner({ key: SECRET, algorithm: 'HS256', expiresIn: 60_000, clockTimestamp: issuedAtMs })(claims);
    expect(tokens.verify(token)).toMatchObject(claims);
    await new Promise((resolve) => setTimeout(resolve, issuedAtMs + 60_000 - Date.now() + 50));
    expect(() => tokens.verify(token)).toThrow(TokenExpiredError);
  });
});
