import { ErrorBody, NotFoundError } from '@app/errors';
import { Idempotent } from '@app/idempotency';
import { Body, Controller, Get, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '../domain/auth-user.js';
import { CreateStaffUserDto } from '../dto/create-staff-user.dto.js';
import { toUserResponse, UserResponse } from '../dto/user.response.js';
import { UsersService } from '../users.service.js';
import { Authenticated, CurrentUser, Roles } from './auth.decorators.js';

@ApiTags('users')
@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('me')
  @Authenticated()
  @ApiOkResponse({ type: UserResponse, description: 'The caller' })
  async me(@CurrentUser() caller: AuthUser): Promise<UserResponse> {
    const user = await this.users.findById(caller.id);
    if (!user) throw new NotFoundError('User');
    return toUserResponse(user);
  }

  @Post('users')
  @Roles('admin')
  @Idempotent()
  @ApiCreatedResponse({ type: UserResponse, description: 'A moderator or admin' })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'Invalid fields, or a role other than moderator/admin' })
  @ApiConflictResponse({ type: ErrorBody, description: 'EMAIL_TAKEN' })
  async create(@CurrentUser() admin: AuthUser, @Body() body: CreateStaffUserDto): Promise<UserResponse> {
    return toUserResponse(await this.users.createStaff(admin, body));
  }
}
