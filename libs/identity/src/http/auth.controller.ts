import { Public, Serves } from '@app/auth';
import { ApiBodyErrors, ErrorBody } from '@app/errors';
import { Idempotent } from '@app/idempotency';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AuthService } from '../auth.service.js';
import { LoginDto } from '../dto/login.dto.js';
import { RegisterDto } from '../dto/register.dto.js';
import { AuthResponse, toAuthResponse } from '../dto/user.response.js';
import { LoginRateLimit } from '../throttle/login-rate-limit.decorator.js';

@ApiTags('auth')
@ApiBodyErrors()
@Public()
@Serves('all')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('register')
  @Idempotent()
  @ApiOperation({ summary: 'Signs up a resident and logs them in' })
  @ApiCreatedResponse({ type: AuthResponse, description: 'A new resident, already logged in' })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'Invalid or unknown fields; IDEMPOTENCY_KEY_INVALID' })
  @ApiConflictResponse({ type: ErrorBody, description: 'EMAIL_TAKEN: the email exists (in any letter case); IDEMPOTENCY_IN_PROGRESS' })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: 'IDEMPOTENCY_KEY_REUSED: the key came with another body' })
  async register(@Body() body: RegisterDto): Promise<AuthResponse> {
    return toAuthResponse(await this.auth.register(body));
  }

  @Post('login')
  @HttpCode(200)
  @LoginRateLimit()
  @ApiOperation({ summary: 'Exchanges an email and password for an access token' })
  @ApiOkResponse({ type: AuthResponse, description: 'Signed in' })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'Invalid or unknown fields' })
  @ApiUnauthorizedResponse({ type: ErrorBody, description: 'INVALID_CREDENTIALS: unknown email or wrong password' })
  async login(@Body() body: LoginDto): Promise<AuthResponse> {
    return toAuthResponse(await this.auth.login(body));
  }
}
