import { AuditModule } from '@app/audit';
import { ClockModule } from '@app/clock';
import { type AppConfig, ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { IdentityModule } from '@app/identity';
import { PolicyModule } from '@app/policy';
import { describe, expect, it } from '@jest/globals';
import { Test } from '@nestjs/testing';
import { testConfig } from '../../../../test/support/test-config.js';
import { useTestContext } from '../../../../test/support/test-context.js';
import { demoLogins } from '../demo-logins.js';
import { DemoTownModule } from '../demo-town.module.js';
import { DemoTownService } from '../demo-town.service.js';

const DEMO_PASSWORD = 'demo-password-for-tests';

describe('the demo town seed', () => {
  const ctx = useTestContext({ env: { DEMO_PASSWORD } });
  const seed = () => ctx.api.app.get(DemoTownService).seed();
  const count = async (table: string) =>
    Number((await ctx.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  it('creates agencies, named people and a few hundred neighbours with cameras, once', async () => {
    await seed();
    const first = { agencies: await count('agency'), users: await count('app_user'), cameras: await count('camera') };
    expect(first.agencies).toBe(3);
    expect(first.users).toBeGreaterThan(300);
    expect(first.cameras).toBeGreaterThan(200);
    await seed();
    expect({ agencies: await count('agency'), users: await count('app_user'), cameras: await count('camera') }).toEqual(first);
    // Coverage counts from the copy of the owner's choices on each camera: the bulk load writes it too.
    const [{ stale }] = await ctx.dataSource.query(
      `SELECT count(*)::int AS stale FROM camera LEFT JOIN privacy_setting AS setting ON setting.user_id = camera.owner_id
       WHERE camera.owner_police_requests IS DISTINCT FROM setting.police_requests
          OR camera.owner_e2ee <> COALESCE(setting.end_to_end_encryption, false)`,
    );
    expect(stale).toBe(0);
    expect(await count('camera WHERE owner_police_requests IS NOT NULL OR owner_e2ee')).toBeGreaterThan(0);
    // The purge reads the copy of the owner's retention on each recording: the bulk load writes it too.
    const [{ staleRetention }] = await ctx.dataSource.query(
      `SELECT count(*)::int AS "staleRetention" FROM recording JOIN camera ON camera.id = recording.camera_id
       LEFT JOIN privacy_setting AS setting ON setting.user_id = camera.owner_id
       WHERE recording.owner_retention_days IS DISTINCT FROM setting.retention_days`,
    );
    expect(staleRetention).toBe(0);
    expect(await count('recording WHERE owner_retention_days IS NOT NULL')).toBeGreaterThan(0);
    expect((await ctx.api.request('GET', '/api/audit/verify', { token: await tokenOf('admin') })).body.ok).toBe(true);
  });

  it('lets every printed demo login sign in, and a demo officer see the town as k-anonymous cells', async () => {
    for (const login of demoLogins(ctx.config)) {
      const response = await ctx.api.request('POST', '/api/auth/login', { body: { email: login.email, password: login.password } });
      expect({ email: login.email, status: response.status, role: response.body.user?.role }).toEqual({
        email: login.email,
        status: 200,
        role: login.role,
      });
    }
    const coverage = await ctx.api.request('GET', '/api/portal/coverage?bbox=-105.0,39.73,-104.98,39.75', {
      token: await tokenOf('officer'),
    });
    expect(coverage.status).toBe(200);
    expect(coverage.body.length).toBeGreaterThan(5);
    expect(coverage.body.every((cell: { count: number }) => cell.count >= 1)).toBe(true);
  });

  it('re-seeded with another .env, sets the printed logins to its passwords (a database outliving its checkout)', async () => {
    const other = testConfig(ctx.db.url, { DEMO_PASSWORD: 'another-demo-password', ADMIN_PASSWORD: 'another-admin-password' });
    expect(await seedWith(other)).toContain(`${demoLogins(other).length} password(s) set`);
    for (const login of demoLogins(other)) {
      const response = await ctx.api.request('POST', '/api/auth/login', { body: { email: login.email, password: login.password }, remoteAddress: '10.0.0.9' });
      expect({ email: login.email, status: response.status }).toEqual({ email: login.email, status: 200 });
    }
    const actions = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'user.password_set'`);
    expect(actions[0].n).toBe(demoLogins(other).length);
    expect(await seedWith(other)).not.toContain('password(s) set');
  });

  /** What `npm start`'s seed does with another .env: the same modules, another config. */
  async function seedWith(config: AppConfig): Promise<string> {
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(config), DatabaseModule, ClockModule, AuditModule, PolicyModule, IdentityModule, DemoTownModule],
    }).compile();
    moduleRef.useLogger(false);
    const app = await moduleRef.init();
    try {
      return (await app.get(DemoTownService).seed({ syncPasswords: true })).summary;
    } finally {
      await app.close();
    }
  }

  async function tokenOf(role: string): Promise<string> {
    const login = demoLogins(ctx.config).find((person) => person.role === role)!;
    const response = await ctx.api.request('POST', '/api/auth/login', { body: { email: login.email, password: login.password } });
    return response.body.accessToken;
  }
});
