import { ErrorBody, UuidParam } from '@app/errors';
import { SandboxRoutes } from '@app/sandbox';
import { Body, Controller, Get, Post, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ComparisonsService } from '../comparisons.service.js';
import { ComparisonResponse, toComparisonResponse } from '../dto/comparison.response.js';
import { StartComparisonDto } from '../dto/start-comparison.dto.js';

/**
 * The simulator's `compare`, from the classroom console: a worker runs it, the page follows its
 * progress and shows the table and charts. Behind the sandbox key, like the rest of the
 * classroom's tools: a comparison keeps a worker's processes busy for a minute or more.
 */
@SandboxRoutes()
@Controller('sandbox/comparisons')
export class ComparisonsController {
  constructor(private readonly comparisons: ComparisonsService) {}

  @Post()
  @ApiOperation({
    summary: 'Compare the policies on a shipped scenario, as `npm run sim -- compare` does',
    description:
      'Runs the scenario under every policy profile (the same town, seed and incidents), in a worker. The result is kept: ' +
      'asking again for the same scenario, scale and seed answers the same comparison — done (200) or still running (202) — ' +
      'and a sandbox reset keeps it. Follow a running one with `GET /api/sandbox/comparisons/{id}`. A failed one is run anew when asked again.',
  })
  @ApiOkResponse({ type: ComparisonResponse, description: 'Done before: the table and the charts' })
  @ApiAcceptedResponse({ type: ComparisonResponse, description: 'Queued or running: `progress` tells how far each run is' })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'SCENARIO_NOT_FOUND: no shipped scenario of that name' })
  @ApiServiceUnavailableResponse({ type: ErrorBody, description: 'REDIS_UNAVAILABLE: the job could not be queued; nothing runs' })
  async start(@Body() body: StartComparisonDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ComparisonResponse> {
    const { comparison } = await this.comparisons.start(body.scenario, body.scale ?? 1, body.seed);
    reply.status(comparison.status === 'done' ? 200 : 202);
    return toComparisonResponse(comparison);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A comparison: its progress, then its table and charts' })
  @ApiOkResponse({ type: ComparisonResponse })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'COMPARISON_NOT_FOUND' })
  async get(@UuidParam() id: string): Promise<ComparisonResponse> {
    return toComparisonResponse(await this.comparisons.get(id));
  }
}
