import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '../domain/roles.js';
import type { UserEntity } from '../entities/user.entity.js';

export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'ann@example.org', description: 'Lowercased' }) email: string;
  @ApiProperty({ example: 'Ann' }) displayName: string;
  @ApiProperty({ enum: ROLES, example: 'resident' }) role: Role;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Officers and agency admins only' })
  agencyId: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

/** The only way a user leaves the api: an explicit list of fields, never the password hash. */
export const toUserResponse = (user: UserEntity): UserResponse => ({
  id: user.id,
  email: user.email,
  displayName: user.displayName,
  role: user.role,
  agencyId: user.agencyId,
  createdAt: user.createdAt.toISOString(),
});

export class AuthResponse {
  @ApiProperty({ type: UserResponse }) user: UserResponse;
  @ApiProperty({ description: 'Send as `Authorization: Bearer <accessToken>`' }) accessToken: string;
  @ApiProperty({ example: 3600, description: 'Seconds until the access token expires' }) expiresIn: number;
}
