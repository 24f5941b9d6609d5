import { ErrorBody } from '@app/errors';
import { Idempotent } from '@app/idempotency';
import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { AuthService, type Session } from '../auth.service.js';
import { LoginDto } from '../dto/login.dto.js';
import { RegisterDto } from '../dto/register.dto.js';
import { AuthResponse, toUserResponse } from '../dto/user.response.js';
import { LoginThrottleGuard } from '../throttle/login-throttle.guard.js';
import { Public } from './auth.decorators.js';

const toAuthResponse = (session: Session): AuthResponse => ({ ...session, user: toUserResponse(session.user) });

@ApiTags('auth')
@ApiBadRequestResponse({ type: ErrorBody, description: 'Invalid or unknown fields' })
@Public()
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('register')
  @Idempotent()
  @ApiCreatedResponse({ type: AuthResponse, description: 'A new resident, already logged in' })
  @ApiConflictResponse({ type: ErrorBody, description: 'EMAIL_TAKEN: the email exists (in any letter case)' })
  async register(@Body() body: RegisterDto): Promise<AuthResponse> {
    return toAuthResponse(await this.auth.register(body));
  }

  @Post('login')
  @HttpCode(200)
  @UseGuards(LoginThrottleGuard)
  @ApiOkResponse({ type: AuthResponse })
  @ApiUnauthorizedResponse({ type: ErrorBody, description: 'INVALID_CREDENTIALS: unknown email or wrong password' })
  @ApiTooManyRequestsResponse({ type: ErrorBody, description: 'RATE_LIMITED: too many attempts for this email from this address' })
  @ApiServiceUnavailableResponse({ type: ErrorBody, description: 'RATE_LIMIT_UNAVAILABLE: Redis is unreachable' })
  async login(@Body() body: LoginDto): Promise<AuthResponse> {
    return toAuthResponse(await this.auth.login(body));
  }
}
