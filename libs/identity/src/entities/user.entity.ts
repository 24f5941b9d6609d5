import type { Role } from '@app/auth';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('app_user')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Always lowercased (a CHECK constraint enforces it). */
  @Column('text')
  email: string;

  @Column('text')
  displayName: string;

  @Column('text')
  role: Role;

  /** Set for officers and agency admins only (a CHECK constraint enforces it). */
  @Column('uuid', { nullable: true })
  agencyId: string | null;

  /** Not loaded unless asked for, so no user object read elsewhere can leak it. */
  @Column('text', { select: false })
  passwordHash: string;

  @Column('timestamptz')
  createdAt: Date;
}

/** A copy as if loaded normally, i.e. without the hash (after a save or a login check). */
export function withoutPasswordHash(user: UserEntity): UserEntity {
  const { passwordHash: _hash, ...rest } = user;
  return Object.assign(new UserEntity(), rest);
}
