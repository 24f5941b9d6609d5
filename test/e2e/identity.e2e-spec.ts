import { AppConfig } from '@app/config';
import { UsersService } from '@app/identity';
import { REDIS } from '@app/queue';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Redis } from 'ioredis';
import { TEST_ADMIN_PASSWORD } from '../support/test-config.js';
import { useTestContext } from '../support/test-context.js';
import { expiredToken } from '../support/tokens.js';

const PASSWORD = 'a-long-enough-password';
const LOGIN_RATE_LIMIT = 3;

describe('identity over HTTP: sign-up, login, tokens, roles', () => {
  const ctx = useTestContext({ env: { LOGIN_RATE_LIMIT: String(LOGIN_RATE_LIMIT) } });
  let adminToken: string;
  let n = 0;

  /** A fresh resident: {email, token, id}. */
  const register = async (email = `resident${++n}@example.org`) => {
    const response = await ctx.api.request('POST', '/api/auth/register', {
      body: { email, password: PASSWORD, displayName: `Resident ${n}` },
    });
    expect(response.status).toBe(201);
    return { email, token: response.body.accessToken as string, id: response.body.user.id as string };
  };
  const login = (email: string, password: string, ip = '10.1.1.1') =>
    ctx.api.request('POST', '/api/auth/login', { body: { email, password }, remoteAddress: ip });
  const auditRows = (action: string, subject: string) =>
    ctx.dataSource.query('SELECT actor, data FROM audit_event WHERE action = $1 AND subject = $2 ORDER BY seq', [action, subject]);

  beforeAll(async () => {
    const admin = await ctx.api.app.get(UsersService).ensureAdmin();
    adminToken = (await login(admin.email, TEST_ADMIN_PASSWORD, '10.9.9.9')).body.accessToken;
  });

  describe('sign-up', () => {
    it('creates a resident and logs them in; the hash is argon2id and never leaves the api', async () => {
      const response = await ctx.api.request('POST', '/api/auth/register', {
        body: { email: 'Ann.Lee@Example.ORG', password: PASSWORD, displayName: ' Ann ' },
      });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        user: {
          id: expect.stringMatching(/^[0-9a-f-]{36}$/),
          email: 'ann.lee@example.org',
          displayName: 'Ann',
          role: 'resident',
          agencyId: null,
          createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
        },
        accessToken: expect.any(String),
        expiresIn: 3600,
      });
      expect(JSON.stringify(response.body)).not.toMatch(/argon2|password/i);
      const [row] = await ctx.dataSource.query('SELECT password_hash FROM app_user WHERE id = $1', [response.body.user.id]);
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      expect(row.password_hash).not.toContain(PASSWORD);
      const me = await ctx.api.request('GET', '/api/me', { token: response.body.accessToken });
      expect(me.body).toEqual(response.body.user);
    });

    it('refuses an email that exists in any letter case with 409 EMAIL_TAKEN', async () => {
      const { email } = await register('bob@example.org');
      const again = await ctx.api.request('POST', '/api/auth/register', {
        body: { email: email.toUpperCase(), password: PASSWORD, displayName: 'Bob again' },
      });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('EMAIL_TAKEN');
    });

    it.each([
      ['an unknown field', { email: 'x1@example.org', password: PASSWORD, displayName: 'X', role: 'admin' }],
      ['a malformed email', { email: 'not-an-email', password: PASSWORD, displayName: 'X' }],
      ['a password under 10 characters', { email: 'x2@example.org', password: 'short', displayName: 'X' }],
      ['a blank display name', { email: 'x3@example.org', password: PASSWORD, displayName: '   ' }],
    ])('rejects %s with 400 and creates nobody', async (_what, body) => {
      const response = await ctx.api.request('POST', '/api/auth/register', { body });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      const rows = await ctx.dataSource.query('SELECT 1 FROM app_user WHERE email = $1', [String(body.email).toLowerCase()]);
      expect(rows).toHaveLength(0);
    });

    it('records the sign-up in the audit log', async () => {
      const { id } = await register();
      expect(await auditRows('auth.register', `user:${id}`)).toEqual([{ actor: `user:${id}`, data: { role: 'resident' } }]);
    });
  });

  describe('login', () => {
    it('answers a token that works on /api/me, and audits the login', async () => {
      const { email, id } = await register();
      const response = await login(email.toUpperCase(), PASSWORD);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ user: { id, email, role: 'resident' }, expiresIn: 3600 });
      const me = await ctx.api.request('GET', '/api/me', { token: response.body.accessToken });
      expect(me.status).toBe(200);
      expect(me.body.id).toBe(id);
      expect(await auditRows('auth.login', `user:${id}`)).toHaveLength(1);
    });

    it('answers a wrong password and an unknown email alike: 401 INVALID_CREDENTIALS, same message', async () => {
      const { email } = await register();
      const wrong = await login(email, 'not-the-password', '10.2.2.2');
      const unknown = await login('nobody@example.org', PASSWORD, '10.2.2.2');
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
      expect(unknown.body.code).toBe('INVALID_CREDENTIALS');
      expect(wrong.body.message).toBe(unknown.body.message);
      expect(wrong.body.accessToken).toBeUndefined();
    });

    it('audits failed logins by the lowercased email, without the password', async () => {
      await login('Ghost@Example.org', 'guessed-password-123', '10.3.3.3');
      const rows = await auditRows('auth.login_failed', 'email:ghost@example.org');
      expect(rows).toEqual([{ actor: 'anonymous', data: { reason: 'unknown_email' } }]);
      const all = await ctx.dataSource.query('SELECT data::text AS data FROM audit_event');
      expect(all.map((row: { data: string }) => row.data).join()).not.toContain('guessed-password-123');
    });

    it(`refuses the attempt after ${LOGIN_RATE_LIMIT} for one address and email with 429, even with the right password`, async () => {
      const { email } = await register();
      const other = await register();
      for (let attempt = 0; attempt < LOGIN_RATE_LIMIT; attempt++) {
        expect((await login(email, 'wrong-password-x', '10.4.4.4')).status).toBe(401);
      }
      const limited = await login(email, PASSWORD, '10.4.4.4');
      expect(limited.status).toBe(429);
      expect(limited.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED', requestId: expect.any(String) });
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      // The same address may still sign in to another account, and the account from elsewhere.
      expect((await login(other.email, PASSWORD, '10.4.4.4')).status).toBe(200);
      expect((await login(email, PASSWORD, '10.5.5.5')).status).toBe(200);
      const prefix = ctx.api.app.get(AppConfig).redis.queuePrefix;
      expect(await ctx.api.app.get<Redis>(REDIS).keys(`${prefix}:throttle:*`)).not.toHaveLength(0);
    });

    it('does not let a client dodge the limit by sending its own X-Forwarded-For (no proxy is trusted by default)', async () => {
      const { email } = await register();
      const spoofed = (n: number) =>
        ctx.api.request('POST', '/api/auth/login', {
          body: { email, password: 'wrong-password-x' },
          remoteAddress: '10.6.6.6',
          headers: { 'x-forwarded-for': `192.0.2.${n}` },
        });
      for (let attempt = 0; attempt < LOGIN_RATE_LIMIT; attempt++) expect((await spoofed(attempt)).status).toBe(401);
      expect((await spoofed(99)).status).toBe(429);
    });
  });

  describe('access tokens', () => {
    it('answers /api/me without a token, with garbage, or with a foreign signature with 401', async () => {
      const { token } = await register();
      const forged = `${token.split('.').slice(0, 2).join('.')}.${'A'.repeat(43)}`;
      for (const [bad, code] of [
        [undefined, 'UNAUTHORIZED'],
        ['garbage', 'TOKEN_INVALID'],
        [forged, 'TOKEN_INVALID'],
      ] as const) {
        const response = await ctx.api.request('GET', '/api/me', { token: bad });
        expect(response.status).toBe(401);
        expect(response.body.code).toBe(code);
      }
    });

    it('refuses an expired token with 401 TOKEN_EXPIRED', async () => {
      const { id } = await register();
      const expired = expiredToken(ctx.api.app, { sub: id, role: 'resident' });
      const response = await ctx.api.request('GET', '/api/me', { token: expired });
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('TOKEN_EXPIRED');
    });

    it("refuses a valid token whose user no longer exists with 401 (e.g. after a sandbox reset)", async () => {
      const { id, token } = await register();
      await ctx.dataSource.query('DELETE FROM app_user WHERE id = $1', [id]);
      const response = await ctx.api.request('GET', '/api/me', { token });
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('TOKEN_INVALID');
    });

    it('uses the role stored now, not the one in an older token', async () => {
      const { id, token } = await register();
      await ctx.dataSource.query(`UPDATE app_user SET role = 'moderator' WHERE id = $1`, [id]);
      expect((await ctx.api.request('GET', '/api/me', { token })).body.role).toBe('moderator');
    });
  });

  describe('staff accounts', () => {
    const staff = (role: string) => ({ email: `staff${++n}@example.org`, password: PASSWORD, displayName: 'Staff', role });

    it('lets an admin create a moderator, audited as a role grant', async () => {
      const response = await ctx.api.request('POST', '/api/users', { token: adminToken, body: staff('moderator') });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ role: 'moderator', agencyId: null });
      expect(response.body.passwordHash).toBeUndefined();
      const [grant] = await auditRows('user.role_granted', `user:${response.body.id}`);
      expect(grant).toEqual({ actor: expect.stringMatching(/^user:/), data: { role: 'moderator' } });
      expect((await login(response.body.email, PASSWORD, '10.6.6.6')).status).toBe(200);
    });

    it('creates one account for a retried request with the same Idempotency-Key', async () => {
      const body = staff('admin');
      const send = () => ctx.api.request('POST', '/api/users', { token: adminToken, body, headers: { 'idempotency-key': `k-${n}` } });
      const [first, retry] = [await send(), await send()];
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(await ctx.dataSource.query('SELECT 1 FROM app_user WHERE email = $1', [body.email])).toHaveLength(1);
    });

    it('refuses a resident with 403 FORBIDDEN and creates nobody', async () => {
      const { token } = await register();
      const body = staff('moderator');
      const response = await ctx.api.request('POST', '/api/users', { token, body });
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('FORBIDDEN');
      expect(await ctx.dataSource.query('SELECT 1 FROM app_user WHERE email = $1', [body.email])).toHaveLength(0);
    });

    it.each(['resident', 'officer', 'superuser'])('refuses role %s with 400', async (role) => {
      const response = await ctx.api.request('POST', '/api/users', { token: adminToken, body: staff(role) });
      expect(response.status).toBe(400);
    });

    it('asks for a token before anything else (401, not 403 or 400)', async () => {
      expect((await ctx.api.request('POST', '/api/users', { body: {} })).status).toBe(401);
    });
  });

  it('documents every identity route in OpenAPI, with bearer auth where a token is needed', async () => {
    const { paths } = (await ctx.api.request('GET', '/docs-json')).body;
    expect(Object.keys(paths)).toEqual(expect.arrayContaining(['/api/auth/register', '/api/auth/login', '/api/me', '/api/users']));
    expect(paths['/api/me'].get.security).toEqual([{ bearer: [] }]);
    expect(paths['/api/auth/login'].post.security).toEqual([]);
    expect(paths['/api/auth/login'].post.responses['429']).toBeDefined();
  });
});
