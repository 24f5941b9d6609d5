import { AgenciesService } from '@app/agencies';
import { CamerasService, RecordingsService } from '@app/cameras';
import { Clock } from '@app/clock';
import type { AppConfig } from '@app/config';
import { AuthService, EmailTakenError, type UserEntity, UsersService } from '@app/identity';
import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { argon2id, hash } from 'argon2';
import type { DataSource } from 'typeorm';
import { demoLogins, type DemoLogin } from './demo-logins.js';
import { loadHouseholds } from './load-households.js';
import { planTown, type TownPlan } from './town.js';

async function ensureAgencies(app: INestApplicationContext, admin: UserEntity, plan: TownPlan): Promise<Map<string, string>> {
  const agencies = app.get(AgenciesService);
  const ids = new Map<string, string>();
  for (const { key, ...input } of plan.agencies) {
    const existing = (await agencies.map({ q: input.name })).find((agency) => agency.name === input.name);
    ids.set(key, (existing ?? (await agencies.create(admin, input))).id);
  }
  return ids;
}

/** Named people; residents among them get a camera on their porch near the town centre. */
async function ensurePeople(app: INestApplicationContext, admin: UserEntity, agencyIds: Map<string, string>, logins: DemoLogin[]) {
  const users = app.get(UsersService);
  const auth = app.get(AuthService);
  const agencies = app.get(AgenciesService);
  const cameras = app.get(CamerasService);
  const recordings = app.get(RecordingsService);
  const now = await app.get(Clock).now();
  let created = 0;
  for (const [index, login] of logins.entries()) {
    const input = { email: login.email, password: login.password, displayName: login.displayName };
    try {
      if (login.role === 'resident') {
        const { user } = await auth.register(input);
        const camera = await cameras.create(user.id, {
          label: 'Front door',
          location: { lat: 39.7392 + 0.0006 * index, lng: -104.9903 + 0.0004 * index },
        });
        for (let hour = 1; hour <= 24; hour += 3) {
          const endedAt = new Date(now.getTime() - hour * 3_600_000);
          await recordings.create(user.id, camera.id, {
            startedAt: new Date(endedAt.getTime() - 45_000),
            endedAt,
            trigger: 'motion',
          });
        }
      } else if (login.role === 'moderator') {
        await users.createStaff(admin, { ...input, role: 'moderator' });
      } else if (login.role === 'officer' || login.role === 'agency_admin') {
        await agencies.addMember(admin, agencyIds.get(login.agency!)!, { ...input, role: login.role });
      } else {
        continue;
      }
      created++;
    } catch (error) {
      if (!(error instanceof EmailTakenError)) throw error;
    }
  }
  return created;
}

async function ensureNeighbours(app: INestApplicationContext, plan: TownPlan, password: string): Promise<string> {
  const dataSource = app.get<DataSource>(getDataSourceToken());
  const first = plan.households[0]!.email;
  const [{ exists }] = await dataSource.query('SELECT EXISTS (SELECT 1 FROM app_user WHERE email = $1) AS exists', [first]);
  if (exists) return 'neighbours already there';
  const passwordHash = await hash(password, { type: argon2id });
  const now = await app.get(Clock).now();
  const loaded = await dataSource.transaction((manager) => loadHouseholds(manager, plan.households, passwordHash, now));
  return `${loaded.users} neighbours, ${loaded.cameras} cameras, ${loaded.recordings} clips`;
}

/**
 * Seeds Porchlight Falls into the app's database, idempotently: what already exists is left
 * alone. Named people and agencies go through the same services as the api (passwords hashed,
 * every sign-up, grant and agency in the audit chain); generated neighbours are bulk-loaded.
 */
export async function seedDemoTown(app: INestApplicationContext, config: AppConfig): Promise<string> {
  const admin = await app.get(UsersService).ensureAdmin();
  const plan = planTown({ now: await app.get(Clock).now() });
  const agencyIds = await ensureAgencies(app, admin, plan);
  const logins = demoLogins(config);
  const created = await ensurePeople(app, admin, agencyIds, logins);
  // A database kept from another checkout has the accounts with that .env's passwords: the
  // logins printed at start must work with this one.
  let reset = 0;
  for (const login of logins) if (await app.get(UsersService).ensurePassword(login.email, login.password)) reset++;
  const neighbours = config.auth.demoPassword
    ? await ensureNeighbours(app, plan, config.auth.demoPassword)
    : 'no DEMO_PASSWORD: no neighbours';
  const passwords = reset > 0 ? `, ${reset} password(s) set to this .env's` : '';
  return `Porchlight Falls ready: ${agencyIds.size} agencies, ${created} new named account(s)${passwords}, ${neighbours}`;
}
