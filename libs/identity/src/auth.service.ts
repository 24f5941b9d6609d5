import { AuditService } from '@app/audit';
import { Clock } from '@app/clock';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { normalizeEmail } from './domain/email.js';
import { withoutPasswordHash, type UserEntity } from './entities/user.entity.js';
import { hashPassword, verifyDecoy, verifyPassword } from './passwords.js';
import { TokenService } from './token.service.js';
import { UsersRepository } from './users.repository.js';
import { InvalidCredentialsError, UserNotFoundError } from './identity.errors.js';
import { AUTH_LOGGED_IN, AUTH_LOGIN_FAILED, AUTH_REGISTERED, AUTH_SIGNED_IN_WITHOUT_PASSWORD } from './identity.events.js';

export interface Session {
  user: UserEntity;
  accessToken: string;
  expiresIn: number;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Self-service sign-up always makes a resident; every other role is granted by staff. */
  async register(input: { email: string; password: string; displayName: string }): Promise<Session> {
    const passwordHash = await hashPassword(input.password);
    const user = await this.dataSource.transaction(async (manager) => {
      const created = await this.users.insert(manager, {
        email: normalizeEmail(input.email),
        displayName: input.displayName,
        role: 'resident',
        agencyId: null,
        passwordHash,
        createdAt: await this.clock.now(manager),
      });
      await this.audit.record(manager, {
        actor: `user:${created.id}`,
        action: AUTH_REGISTERED,
        subject: `user:${created.id}`,
        data: { role: created.role },
      });
      return created;
    });
    return this.sessionFor(user);
  }

  async login(input: { email: string; password: string }): Promise<Session> {
    const email = normalizeEmail(input.email);
    const found = await this.users.findWithPasswordHash(email);
    const ok = found ? await verifyPassword(found.passwordHash, input.password) : await verifyDecoy(input.password);
    if (!found || !ok) {
      await this.dataSource.transaction((manager) =>
        this.audit.record(manager, {
          actor: 'anonymous',
          action: AUTH_LOGIN_FAILED,
          subject: `email:${email}`,
          data: { reason: found ? 'wrong_password' : 'unknown_email' },
        }),
      );
      throw new InvalidCredentialsError();
    }
    const user = withoutPasswordHash(found);
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, {
        actor: `user:${user.id}`,
        action: AUTH_LOGGED_IN,
        subject: `user:${user.id}`,
      }),
    );
    return this.sessionFor(user);
  }

  /**
   * A session for an existing account without its password, the same as a login gives, for a
   * caller that proved its right some other way (`via`, e.g. the sandbox key). On the record as
   * its own action, so nobody mistakes it for the user's own login.
   */
  async signInWithoutPassword(email: string, via: string): Promise<Session> {
    const user = await this.users.findByEmail(this.dataSource.manager, normalizeEmail(email));
    if (!user) throw new UserNotFoundError();
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, {
        actor: 'system',
        action: AUTH_SIGNED_IN_WITHOUT_PASSWORD,
        subject: `user:${user.id}`,
        data: { via },
      }),
    );
    return this.sessionFor(user);
  }

  private sessionFor(user: UserEntity): Session {
    return { user, accessToken: this.tokens.issue(user), expiresIn: this.tokens.ttlSeconds };
  }
}
