import { ApiCallers, Public, Serves } from '@app/auth';
import { ApiBodyErrors, ErrorBody } from '@app/errors';
import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiSecurity, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { SandboxKeyGuard } from './sandbox-key.guard.js';

/**
 * A controller of sandbox routes: the sandbox key replaces the bearer token (test suites call them
 * before any user exists), documented under the `sandbox` tag with its 401. The module declaring
 * the controller provides SandboxKeyGuard.
 */
export const SandboxRoutes = (): ClassDecorator =>
  applyDecorators(
    // Not a role but the key (first: the first caller list set on a route is the one kept); the world's objects are all the key's.
    ApiCallers(['sandbox-key']),
    Serves('all'),
    ApiTags('sandbox'),
    ApiSecurity('sandbox'),
    ApiBodyErrors(),
    ApiUnauthorizedResponse({ type: ErrorBody, description: 'SANDBOX_KEY_INVALID: missing or wrong X-Sandbox-Key' }),
    Public(),
    UseGuards(SandboxKeyGuard),
  );
