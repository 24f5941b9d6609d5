import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Matches, MaxLength } from 'class-validator';

export const SCENARIO_NAME_MAX = 64;

/** A body field naming one of the simulator's shipped scenarios (validated and documented). */
export const ShippedScenarioName = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ description: 'A shipped scenario (`npm run sim -- list`)', example: 'who-sees-my-name', maxLength: SCENARIO_NAME_MAX, pattern: '^[a-z0-9-]+$' }),
    MaxLength(SCENARIO_NAME_MAX),
    Matches(/^[a-z0-9-]+$/, { message: 'scenario must be a shipped scenario name (lower-case letters, digits and -)' }),
  );
