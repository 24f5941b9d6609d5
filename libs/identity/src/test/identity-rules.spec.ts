import { NotFoundError } from '@app/errors';
import { describe, expect, it } from '@jest/globals';
import { normalizeEmail } from '../domain/email.js';
import { loginTracker } from '../domain/login-tracker.js';
import { isRole, roleAllowed } from '../domain/roles.js';
import { bearerToken } from '../http/jwt-auth.guard.js';
import { assertOwned } from '../ownership.js';

describe('identity rules', () => {
  it('treats emails that differ only in letter case or surrounding spaces as one', () => {
    expect(normalizeEmail('  Ann.Lee@Example.ORG ')).toBe('ann.lee@example.org');
  });

  it('counts login attempts per client address and account, whatever the email case', () => {
    expect(loginTracker('10.0.0.1', { email: 'Ann@X.org', password: 'a' })).toBe(
      loginTracker('10.0.0.1', { email: 'ann@x.org', password: 'b' }),
    );
    expect(loginTracker('10.0.0.1', { email: 'ann@x.org' })).not.toBe(loginTracker('10.0.0.2', { email: 'ann@x.org' }));
    expect(loginTracker('10.0.0.1', { email: 'ann@x.org' })).not.toBe(loginTracker('10.0.0.1', { email: 'bob@x.org' }));
  });

  it('still counts a login attempt whose body has no usable email (the guard runs before validation)', () => {
    expect(loginTracker('10.0.0.1', undefined)).toBe('10.0.0.1|');
    expect(loginTracker('10.0.0.1', { email: 42 })).toBe('10.0.0.1|');
  });

  it('admits any signed-in role where no role is required, and only the listed roles otherwise', () => {
    expect(roleAllowed('resident', undefined)).toBe(true);
    expect(roleAllowed('resident', [])).toBe(true);
    expect(roleAllowed('admin', ['admin'])).toBe(true);
    expect(roleAllowed('moderator', ['admin'])).toBe(false);
    expect(roleAllowed('agency_admin', ['officer', 'agency_admin'])).toBe(true);
  });

  it('knows exactly the five roles of the design', () => {
    for (const role of ['resident', 'officer', 'agency_admin', 'moderator', 'admin']) expect(isRole(role)).toBe(true);
    expect(isRole('superuser')).toBe(false);
    expect(isRole('Admin')).toBe(false);
  });

  it('reads only a well-formed bearer token from the Authorization header', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('Basic dXNlcjpwdw==')).toBeUndefined();
    expect(bearerToken('Bearer')).toBeUndefined();
    expect(bearerToken('Bearer a b')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });

  it("answers another owner's object exactly like a missing one (404, never 403)", () => {
    const camera = { id: 'c1', ownerId: 'ann' };
    expect(assertOwned(camera, 'ann', 'Camera')).toBe(camera);
    expect(() => assertOwned(camera, 'bob', 'Camera')).toThrow(new NotFoundError('Camera'));
    expect(() => assertOwned(null, 'bob', 'Camera')).toThrow(new NotFoundError('Camera'));
    const request = { id: 'r1', agencyId: 'a1' };
    expect(assertOwned(request, 'a1', 'Request', (owned) => owned.agencyId)).toBe(request);
    expect(() => assertOwned(request, 'a2', 'Request', (owned) => owned.agencyId)).toThrow(NotFoundError);
  });
});
