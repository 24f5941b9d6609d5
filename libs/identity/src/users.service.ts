import { AuditService } from '@app/audit';
import { actorOf, type AgencyRole, type AuthUser, type Role, type StaffRole } from '@app/auth';
import { Clock } from '@app/clock';
import { AppConfig } from '@app/config';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { normalizeEmail } from './domain/email.js';
import { UserEntity } from './entities/user.entity.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { UsersRepository, type NewUser } from './users.repository.js';
import { AdminEmailTakenError } from './identity.errors.js';
import { USER_PASSWORD_SET, USER_ROLE_GRANTED } from './identity.events.js';

export interface NewStaffUser {
  email: string;
  password: string;
  displayName: string;
  role: StaffRole;
}

export interface NewAgencyMember {
  email: string;
  password: string;
  displayName: string;
  role: AgencyRole;
}

const ADMIN_DISPLAY_NAME = 'Administrator';

@Injectable()
export class UsersService {
  /**
   * The admin's password hash, computed once per process: argon2id takes ~0.2 s by design, and a
   * sandbox reset, which re-creates the admin each time, should not pay it every time.
   */
  private adminPasswordHash: Promise<string> | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  findById(id: string, manager?: EntityManager): Promise<UserEntity | null> {
    return this.users.findById(manager ?? this.dataSource.manager, id);
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findByEmail(this.dataSource.manager, normalizeEmail(email));
  }

  /** An admin creates platform staff; the grant is audited with the account. */
  createStaff(admin: AuthUser, input: NewStaffUser): Promise<UserEntity> {
    return this.createGranted(admin, input, null);
  }

  /**
   * An officer or agency admin of `agencyId`. The caller (the agencies context) has checked
   * that the actor may manage that agency and that it exists.
   */
  createAgencyMember(actor: AuthUser, agencyId: string, input: NewAgencyMember): Promise<UserEntity> {
    return this.createGranted(actor, input, agencyId);
  }

  private async createGranted(
    actor: AuthUser,
    input: { email: string; password: string; displayName: string; role: Role },
    agencyId: string | null,
  ): Promise<UserEntity> {
    const passwordHash = await hashPassword(input.password);
    return this.dataSource.transaction(async (manager) => {
      const user = await this.users.insert(manager, {
        email: normalizeEmail(input.email),
        displayName: input.displayName,
        role: input.role,
        agencyId,
        passwordHash,
        createdAt: await this.clock.now(manager),
      });
      await this.audit.record(manager, {
        actor: actorOf(actor),
        action: USER_ROLE_GRANTED,
        subject: `user:${user.id}`,
        data: agencyId === null ? { role: user.role } : { role: user.role, agencyId },
      });
      return user;
    });
  }

  /**
   * Makes `password` the account's password if it is not already (audited when it changes);
   * answers whether it changed. For set-up that owns its accounts' secrets, like the demo seed,
   * whose printed logins must match the .env in use even when the database outlived another one.
   */
  async ensurePassword(email: string, password: string): Promise<boolean> {
    const user = await this.users.findWithPasswordHash(normalizeEmail(email));
    if (!user || (await verifyPassword(user.passwordHash, password))) return false;
    const passwordHash = await hashPassword(password);
    await this.dataSource.transaction(async (manager) => {
      await this.users.setPasswordHash(manager, user.id, passwordHash);
      await this.audit.record(manager, { actor: 'system', action: USER_PASSWORD_SET, subject: `user:${user.id}` });
    });
    return true;
  }

  /**
   * The admin from ADMIN_EMAIL / ADMIN_PASSWORD, created when missing (demo seed). Pass the
   * caller's manager to run inside its transaction. Safe to call concurrently.
   */
  async ensureAdmin(manager?: EntityManager): Promise<UserEntity> {
    if (!manager) return this.dataSource.transaction((tx) => this.ensureAdmin(tx));
    const email = this.config.auth.adminEmail;
    const existing = await this.users.findByEmail(manager, email);
    const admin =
      existing ??
      (await this.createAdmin(manager, email)) ??
      (await this.users.findByEmail(manager, email));
    if (admin?.role !== 'admin') {
      // Never promote an account someone else registered with the admin's email.
      throw new AdminEmailTakenError(email);
    }
    return admin;
  }

  /**
   * The admin of a database the sandbox has just emptied, inside the reset's transaction. Not
   * audited here: the reset's own event, the first of the new chain, names it.
   */
  async createAdminAfterReset(manager: EntityManager): Promise<UserEntity> {
    return this.users.insert(manager, await this.newAdmin(manager, this.config.auth.adminEmail));
  }

  private async createAdmin(manager: EntityManager, email: string): Promise<UserEntity | null> {
    const admin = await this.users.insertIfAbsent(manager, await this.newAdmin(manager, email));
    if (admin) {
      await this.audit.record(manager, {
        actor: 'system',
        action: USER_ROLE_GRANTED,
        subject: `user:${admin.id}`,
        data: { role: 'admin' },
      });
    }
    return admin;
  }

  private async newAdmin(manager: EntityManager, email: string): Promise<NewUser> {
    this.adminPasswordHash ??= hashPassword(this.config.auth.adminPassword).catch((error: unknown) => {
      this.adminPasswordHash = undefined;
      throw error;
    });
    return {
      email,
      displayName: ADMIN_DISPLAY_NAME,
      role: 'admin',
      agencyId: null,
      passwordHash: await this.adminPasswordHash,
      createdAt: await this.clock.now(manager),
    };
  }
}
