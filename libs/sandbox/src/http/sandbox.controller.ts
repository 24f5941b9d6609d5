import { DemoTownService, ScenarioNotFoundError, ScenarioTowns } from '@app/demo-town';
import { ErrorBody } from '@app/errors';
import { AuthResponse, AuthService, toAuthResponse } from '@app/identity';
import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { DemoTownResponse, toDemoTownResponse } from '../dto/demo-town.response.js';
import { MoveClockDto } from '../dto/move-clock.dto.js';
import { ClockMovedResponse, ClockStateResponse, ResetResponse } from '../dto/sandbox.responses.js';
import { ScenarioTownDto } from '../dto/scenario-town.dto.js';
import { SandboxSignInDto } from '../dto/sign-in.dto.js';
import { SandboxClockService } from '../sandbox-clock.service.js';
import { SandboxResetService } from '../sandbox-reset.service.js';
import { SandboxRoutes } from './sandbox-routes.decorator.js';

@SandboxRoutes()
@Controller('sandbox')
export class SandboxController {
  constructor(
    private readonly clock: SandboxClockService,
    private readonly resetter: SandboxResetService,
    private readonly demoTown: DemoTownService,
    private readonly scenarioTowns: ScenarioTowns,
    private readonly auth: AuthService,
  ) {}

  @Get('clock')
  @ApiOperation({ summary: 'Current sandbox time' })
  @ApiOkResponse({ type: ClockStateResponse })
  state(): Promise<ClockStateResponse> {
    return this.clock.state();
  }

  @Post('clock')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move sandbox time forward',
    description:
      "Send exactly one of `advanceSeconds` or `now`. Answers once every job due by the new time has run ('ready'), " +
      "or 'pending' when no worker finished them within CLOCK_SETTLE_TIMEOUT_MS.",
  })
  @ApiOkResponse({ type: ClockMovedResponse })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'Both fields, neither, or an invalid value' })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: 'CLOCK_BACKWARDS: time only moves forward' })
  move(@Body() body: MoveClockDto): Promise<ClockMovedResponse> {
    return this.clock.move(body);
  }

  @Post('reset')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Empty every table, re-create the admin, return to real time',
    description:
      'Answers once every table is empty but for the new admin and the `sandbox.reset` audit event, the clock is ' +
      "back to real time, the queues' failed and completed jobs are gone and every socket was told to close. " +
      'Jobs of the old world still queued do nothing; tokens of the old world answer 401.',
  })
  @ApiOkResponse({ type: ResetResponse })
  @ApiServiceUnavailableResponse({
    type: ErrorBody,
    description: 'REDIS_UNAVAILABLE: Redis does not answer; SANDBOX_BUSY: api transactions held the tables for 20 s. Nothing was reset',
  })
  reset(): Promise<ResetResponse> {
    return this.resetter.reset();
  }

  @Post('demo-town')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Load Porchlight Falls, the demo town, into the current world',
    description:
      'What `npm start` seeds: three agencies with their jurisdictions, the named people (moderator, officers, an agency ' +
      'admin, residents with porch cameras) and 300 generated neighbours with cameras and clips in the days before sandbox ' +
      'now. Idempotent: what exists is left alone, so a second call changes nothing. The accounts it creates get ' +
      'DEMO_PASSWORD, or without it a random password nobody knows: sign in with `POST /api/sandbox/sign-in`.',
  })
  @ApiOkResponse({ type: DemoTownResponse })
  async loadDemoTown(): Promise<DemoTownResponse> {
    return toDemoTownResponse(await this.demoTown.seed());
  }

  @Post('scenario-town')
  @HttpCode(200)
  @ApiOperation({
    summary: "Load a simulator scenario's own town into the current world",
    description:
      'The town a shipped scenario simulates, as its run starts (its seed, so the same households in the same places): its ' +
      'agencies with their strips of town, and the households with a camera on day 0, with their privacy choices and clips in ' +
      'the days before sandbox now. The named people come too, as in the demo town: Alice, Bob and Chloé on their porches just ' +
      "north of the centre, the north precinct's officer and chief in the agency that polices the centre. Idempotent. Meant " +
      'for a fresh world (after a reset): loaded beside Porchlight Falls, the named people stay where they were first made.',
  })
  @ApiOkResponse({ type: DemoTownResponse })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'SCENARIO_NOT_FOUND: no shipped scenario of that name' })
  async loadScenarioTown(@Body() body: ScenarioTownDto): Promise<DemoTownResponse> {
    return toDemoTownResponse(
      await this.demoTown.seedTown((now) => {
        const spec = this.scenarioTowns.spec(body.scenario, now);
        if (spec === undefined) throw new ScenarioNotFoundError();
        return spec;
      }),
    );
  }

  @Post('sign-in')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in as any user of the current world, without a password',
    description:
      "For a classroom switching roles: the same answer and token as `POST /api/auth/login`. The audit log records it as " +
      '`auth.sign_in_without_password`, so a sign-in as someone is never taken for their own login.',
  })
  @ApiOkResponse({ type: AuthResponse, description: 'Signed in' })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'Invalid or unknown fields' })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'USER_NOT_FOUND: no account with this email in the current world' })
  async signIn(@Body() body: SandboxSignInDto): Promise<AuthResponse> {
    return toAuthResponse(await this.auth.signInWithoutPassword(body.email, 'sandbox_key'));
  }
}
