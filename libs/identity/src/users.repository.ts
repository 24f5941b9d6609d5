import type { AuthUser } from '@app/auth';
import { isUniqueViolation, readRows } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { UserEntity, withoutPasswordHash } from './entities/user.entity.js';
import { EmailTakenError } from './identity.errors.js';

export type NewUser = Pick<UserEntity, 'email' | 'displayName' | 'role' | 'agencyId' | 'passwordHash' | 'createdAt'>;

/** The identity context's queries; emails passed in are already normalized. */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(manager: EntityManager, id: string): Promise<UserEntity | null> {
    return manager.findOne(UserEntity, { where: { id } });
  }

  /**
   * The account an access token stands for. It runs on every authenticated request, so it is one
   * statement on the pool, not a query builder (which cost more CPU than PostgreSQL did).
   */
  async findAccount(id: string): Promise<AuthUser | null> {
    const rows = await readRows<AuthUser>(
      this.dataSource,
      `SELECT id, email, display_name AS "displayName", role, agency_id AS "agencyId", created_at AS "createdAt"
       FROM app_user WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  findByEmail(manager: EntityManager, email: string): Promise<UserEntity | null> {
    return manager.findOne(UserEntity, { where: { email } });
  }

  /** The only read that includes the password hash: for checking a login. */
  findWithPasswordHash(email: string): Promise<UserEntity | null> {
    return this.dataSource.manager
      .createQueryBuilder(UserEntity, 'user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email })
      .getOne();
  }

  async setPasswordHash(manager: EntityManager, id: string, passwordHash: string): Promise<void> {
    await manager.update(UserEntity, { id }, { passwordHash });
  }

  async insert(manager: EntityManager, user: NewUser): Promise<UserEntity> {
    try {
      return withoutPasswordHash(await manager.save(manager.create(UserEntity, user)));
    } catch (error) {
      if (isUniqueViolation(error, 'app_user_email_key')) throw new EmailTakenError();
      throw error;
    }
  }

  /** Inserts unless the email exists (even concurrently); null when it did. */
  async insertIfAbsent(manager: EntityManager, user: NewUser): Promise<UserEntity | null> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(UserEntity)
      .values(user)
      .orIgnore()
      .returning(['id'])
      .execute();
    const inserted = result.raw as { id: string }[];
    return inserted.length === 0 ? null : this.findById(manager, inserted[0]!.id);
  }
}
