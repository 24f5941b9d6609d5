import { Authenticated, type AuthUser, CurrentUser, Roles, Serves } from '@app/auth';
import { ApiBodyErrors, ErrorBody } from '@app/errors';
import { Idempotent } from '@app/idempotency';
import { Body, Controller, Get, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CreateStaffUserDto } from '../dto/create-staff-user.dto.js';
import { toUserResponse, UserResponse } from '../dto/user.response.js';
import { UsersService } from '../users.service.js';

@ApiTags('users')
@ApiBodyErrors()
@Serves('all')
@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('me')
  @Authenticated()
  @Serves('caller')
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: UserResponse, description: 'The caller' })
  me(@CurrentUser() caller: AuthUser): UserResponse {
    // The guard loaded the account for this request: reading it again would only cost a query.
    return toUserResponse(caller);
  }

  @Post('users')
  @Roles('admin')
  @Idempotent()
  @ApiOperation({ summary: 'Creates a platform staff account (moderator or admin)' })
  @ApiCreatedResponse({ type: UserResponse, description: 'A moderator or admin' })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'Invalid fields, or a role other than moderator/admin; IDEMPOTENCY_KEY_INVALID' })
  @ApiConflictResponse({ type: ErrorBody, description: 'EMAIL_TAKEN; IDEMPOTENCY_IN_PROGRESS' })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: 'IDEMPOTENCY_KEY_REUSED: the key came with another body' })
  async create(@CurrentUser() admin: AuthUser, @Body() body: CreateStaffUserDto): Promise<UserResponse> {
    return toUserResponse(await this.users.createStaff(admin, body));
  }
}
