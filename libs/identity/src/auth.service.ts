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
import { InvalidCredentialsError } from './identity.errors.js';
import { AUTH_LOGGED_IN, AUTH_LOGIN_FAILED, AUTH_REGISTERED } from './identity.events.js';

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

  private sessionFor(user: UserEntity): Session {
    return { user, accessToken: this.tokens.issue(user), expiresIn: this.tokens.ttlSeconds };
  }
}
