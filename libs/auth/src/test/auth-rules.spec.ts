import { NotFoundError } from '@app/errors';
import { describe, expect, it } from '@jest/globals';
import { isRole, roleAllowed } from '../domain/roles.js';
import { bearerToken } from '../http/jwt-auth.guard.js';
import { assertOwned } from '../ownership.js';

describe('request-time access rules', () => {
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
