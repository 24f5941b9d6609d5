import { type Role, ROLES } from '@app/auth';
import { INSTANT_PROPERTY, INT32_MAX, UUID_PROPERTY } from '@app/errors';
import { ApiProperty } from '@nestjs/swagger';
import type { Session } from '../auth.service.js';
import type { UserEntity } from '../entities/user.entity.js';
import { DISPLAY_NAME_MAX, EMAIL_MAX } from './register.dto.js';

export class UserResponse {
  @ApiProperty(UUID_PROPERTY) id: string;
  @ApiProperty({ example: 'ann@example.org', maxLength: EMAIL_MAX, description: 'Lowercased' }) email: string;
  @ApiProperty({ example: 'Ann', maxLength: DISPLAY_NAME_MAX }) displayName: string;
  @ApiProperty({ enum: ROLES, example: 'resident' }) role: Role;
  @ApiProperty({ ...UUID_PROPERTY, nullable: true, description: 'Officers and agency admins only' })
  agencyId: string | null;
  @ApiProperty(INSTANT_PROPERTY) createdAt: string;
}

/** The only way a user leaves the api: an explicit list of fields, never the password hash. */
export const toUserResponse = (user: Omit<UserEntity, 'passwordHash'>): UserResponse => ({
  id: user.id,
  email: user.email,
  displayName: user.displayName,
  role: user.role,
  agencyId: user.agencyId,
  createdAt: user.createdAt.toISOString(),
});

/** A signed JWT (header.payload.signature, base64url). */
export const ACCESS_TOKEN_PROPERTY = {
  type: String,
  description: 'Send as `Authorization: Bearer <token>`',
  pattern: '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$',
  maxLength: 1024,
} as const;

export class AuthResponse {
  @ApiProperty({ type: UserResponse }) user: UserResponse;
  @ApiProperty(ACCESS_TOKEN_PROPERTY) accessToken: string;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 1, maximum: INT32_MAX, example: 3600, description: 'Seconds until the access token expires' })
  expiresIn: number;
}

/** What signing in answers, whichever way the session was opened. */
export const toAuthResponse = (session: Session): AuthResponse => ({ ...session, user: toUserResponse(session.user) });
