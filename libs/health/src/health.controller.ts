import { Public, Serves } from '@app/auth';
import { REDIS } from '@app/queue';
import { ApiBodyErrors, ErrorBody } from '@app/errors';
import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags, type ApiPropertyOptions } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import { NotReadyError } from './health.errors.js';

const CHECK_TIMEOUT_MS = 1500;

/** Terminus's verdicts, one per service checked (none for liveness, postgres and redis for readiness). */
const VERDICTS: ApiPropertyOptions = {
  type: 'object',
  maxProperties: 2,
  additionalProperties: {
    type: 'object',
    required: ['status'],
    properties: { status: { type: 'string', enum: ['up', 'down'] } },
  },
};

class HealthResponse {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
  @ApiProperty(VERDICTS) info: object;
  @ApiProperty(VERDICTS) error: object;
  @ApiProperty(VERDICTS) details: object;
}

// Documented here rather than by @HealthCheck, whose schema describes terminus's own error body:
// "not ready" leaves in the contract's error shape like every other error.
@ApiTags('health')
@ApiBodyErrors()
@Public()
@Serves('all')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Get()
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({ type: HealthResponse, description: 'The process is alive' })
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({ summary: 'Readiness: PostgreSQL and Redis answer' })
  @ApiOkResponse({ type: HealthResponse, description: 'PostgreSQL and Redis answer' })
  @ApiServiceUnavailableResponse({ type: ErrorBody, description: 'NOT_READY: PostgreSQL or Redis does not answer; details has each one’s status' })
  async ready() {
    try {
      return await this.health.check([
        () => this.database.pingCheck('postgres', { timeout: CHECK_TIMEOUT_MS }),
        () =>
          this.indicators
            .check('redis')
            .attempt(async () => {
              await this.redis.ping();
            })
            .withTimeout(CHECK_TIMEOUT_MS),
      ]);
    } catch (error) {
      // Terminus reports "not ready" as an HTTP exception; keep its per-service verdicts in the
      // contract's error shape so a probe or a person sees which service is down.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const { details } = error.getResponse() as { details: Record<string, { status: string }> };
      const down = Object.keys(details).filter((name) => details[name]!.status !== 'up');
      throw new NotReadyError(down, details);
    }
  }
}
