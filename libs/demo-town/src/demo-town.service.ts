import { randomBytes } from 'node:crypto';
import { AgenciesService } from '@app/agencies';
import type { Role } from '@app/auth';
import { CamerasService, RecordingsService } from '@app/cameras';
import { Clock } from '@app/clock';
import { AppConfig } from '@app/config';
import { AuthService, EmailTakenError, type UserEntity, UsersService } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { argon2id, hash } from 'argon2';
import type { DataSource } from 'typeorm';
import { demoLogins, demoPeople, type DemoPerson } from './demo-logins.js';
import { loadHouseholds } from './load-households.js';
import { demoTownSpec, type TownSpec } from './town-spec.js';
import type { TownMap, TownPlan } from './town.js';

/** One of the named people as the town has them (whoever made the account, the seed or not). */
export interface SeededPerson {
  userId: string;
  role: Role;
  email: string;
  displayName: string;
  agencyId: string | null;
  agencyName: string | null;
}

export interface SeededTown {
  /** The named people, in demoPeople's order, the admin first. */
  people: SeededPerson[];
  /** The generated neighbours and their cameras, as planned (the town's, whichever call loaded them). */
  neighbours: number;
  cameras: number;
  /** One line saying what this call did, for the seed's output. */
  summary: string;
  /** The town's name and its centre, box and streets, for a map. */
  name: string;
  map: TownMap;
}

/** Two loads at once (a double click) would both find an agency missing and create it twice. */
const LOCK = `SELECT pg_advisory_lock(hashtextextended('demo_town', 0))`;
const UNLOCK = `SELECT pg_advisory_unlock(hashtextextended('demo_town', 0))`;

/**
 * Porchlight Falls in the app's database, idempotently: what already exists is left alone. Named
 * people and agencies go through the same services as the api (passwords hashed, every sign-up,
 * grant and agency in the audit chain); generated neighbours are bulk-loaded. Clips lie in the
 * days before the Clock's now: in a sandbox whose time was moved on, before that time.
 */
@Injectable()
export class DemoTownService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly users: UsersService,
    private readonly auth: AuthService,
    private readonly agencies: AgenciesService,
    private readonly cameras: CamerasService,
    private readonly recordings: RecordingsService,
  ) {}

  /**
   * `syncPasswords`: also give the named people whose password the config knows that password
   * (audited where it changes), as `npm start` does: a database kept from another checkout has
   * the accounts with that .env's passwords, and the logins printed at start must work with this
   * one. It costs an argon2 check a person on every call, which the sandbox's button need not pay.
   */
  seed({ syncPasswords = false }: { syncPasswords?: boolean } = {}): Promise<SeededTown> {
    return this.exclusively(async () => this.seedNow(demoTownSpec(await this.clock.now()), syncPasswords));
  }

  /**
   * Another town (a simulator scenario's, `spec` made for the Clock's now), with the same named
   * people; idempotent like the demo town. Meant for a fresh sandbox world: loaded beside
   * Porchlight Falls, the named people keep the town they were first made in.
   */
  seedTown(specFor: (now: Date) => TownSpec): Promise<SeededTown> {
    return this.exclusively(async () => this.seedNow(specFor(await this.clock.now()), false));
  }

  private async seedNow(spec: TownSpec, syncPasswords: boolean): Promise<SeededTown> {
    const admin = await this.users.ensureAdmin();
    const now = await this.clock.now();
    const { plan } = spec;
    const agencies = await this.ensureAgencies(admin, plan);
    // Without DEMO_PASSWORD the town is whole all the same; only nobody knows its passwords (the
    // sandbox signs in as anyone with its key).
    const password = this.config.auth.demoPassword ?? randomBytes(24).toString('base64url');
    const { users, created } = await this.ensurePeople(admin, agencies, spec, password, now);
    const reset = syncPasswords ? await this.syncPasswords() : 0;
    const neighbours = await this.ensureNeighbours(plan, password, now);
    const nameOf = new Map([...agencies.values()].map((agency) => [agency.id, agency.name]));
    const people = await Promise.all(
      users.map(async (user) => ({
        userId: user.id,
        role: user.role,
        email: user.email,
        displayName: user.displayName,
        agencyId: user.agencyId,
        agencyName: user.agencyId === null ? null : (nameOf.get(user.agencyId) ?? (await this.agencies.profile(user.agencyId)).name),
      })),
    );
    const passwords = reset > 0 ? `, ${reset} password(s) set to this .env's` : '';
    const unknown = this.config.auth.demoPassword === undefined ? "; no DEMO_PASSWORD, so only the admin's password is known" : '';
    return {
      people,
      neighbours: plan.households.length,
      cameras: plan.households.reduce((sum, household) => sum + household.cameras.length, 0),
      summary: `${spec.name} ready: ${agencies.size} agencies, ${created} new named account(s)${passwords}, ${neighbours}${unknown}`,
      name: spec.name,
      map: spec.map,
    };
  }

  private async ensureAgencies(admin: UserEntity, plan: TownPlan): Promise<Map<string, { id: string; name: string }>> {
    const found = new Map<string, { id: string; name: string }>();
    for (const { key, ...input } of plan.agencies) {
      const existing = (await this.agencies.map({ q: input.name })).find((agency) => agency.name === input.name);
      found.set(key, existing ?? (await this.agencies.create(admin, input)));
    }
    return found;
  }

  /** Named people; residents among them get a camera on their porch near the town centre. */
  private async ensurePeople(
    admin: UserEntity,
    agencies: Map<string, { id: string }>,
    spec: TownSpec,
    password: string,
    now: Date,
  ): Promise<{ users: UserEntity[]; created: number }> {
    const users: UserEntity[] = [];
    let created = 0;
    for (const [index, person] of demoPeople(this.config).entries()) {
      const existing = await this.users.findByEmail(person.email);
      if (existing) {
        users.push(existing);
        continue;
      }
      try {
        users.push(await this.createPerson(admin, agencies, spec, person, password, index, now));
        created++;
      } catch (error) {
        // Someone took the email in the meantime (a student signing up as alice): theirs it is.
        if (!(error instanceof EmailTakenError)) throw error;
        users.push((await this.users.findByEmail(person.email))!);
      }
    }
    return { users, created };
  }

  private async createPerson(
    admin: UserEntity,
    agencies: Map<string, { id: string }>,
    spec: TownSpec,
    person: DemoPerson,
    password: string,
    index: number,
    now: Date,
  ): Promise<UserEntity> {
    const input = { email: person.email, password, displayName: person.displayName };
    switch (person.role) {
      case 'admin':
        return admin;
      case 'moderator':
        return this.users.createStaff(admin, { ...input, role: 'moderator' });
      case 'officer':
      case 'agency_admin':
        return this.agencies.addMember(admin, agencies.get(spec.agencyFor(person.agency!))!.id, { ...input, role: person.role });
      case 'resident': {
        const { user } = await this.auth.register(input);
        const camera = await this.cameras.create(user.id, {
          label: 'Front door',
          location: { lat: spec.map.center.lat + 0.0006 * index, lng: spec.map.center.lng + 0.0004 * index },
        });
        for (let hour = 1; hour <= 24; hour += 3) {
          const endedAt = new Date(now.getTime() - hour * 3_600_000);
          await this.recordings.create(user.id, camera.id, { startedAt: new Date(endedAt.getTime() - 45_000), endedAt, trigger: 'motion' });
        }
        return user;
      }
    }
  }

  /** How many of the printed logins had another password. */
  private async syncPasswords(): Promise<number> {
    let changed = 0;
    for (const login of demoLogins(this.config)) if (await this.users.ensurePassword(login.email, login.password)) changed++;
    return changed;
  }

  private async ensureNeighbours(plan: TownPlan, password: string, now: Date): Promise<string> {
    if (plan.households.length === 0) return 'no neighbours with a camera yet';
    if (await this.users.findByEmail(plan.households[0]!.email)) return 'neighbours already there';
    const passwordHash = await hash(password, { type: argon2id });
    const loaded = await this.dataSource.transaction((manager) => loadHouseholds(manager, plan.households, passwordHash, now));
    return `${loaded.users} neighbours, ${loaded.cameras} cameras, ${loaded.recordings} clips`;
  }

  /** Runs `work` holding the demo town's lock, on a connection of its own that only waits. */
  private async exclusively<T>(work: () => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.query(LOCK);
      try {
        return await work();
      } finally {
        await runner.query(UNLOCK);
      }
    } finally {
      await runner.release();
    }
  }
}
