import { INT32_MAX, Omittable } from '@app/errors';
import { ShippedScenarioName } from '@app/demo-town';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNumber, Max, Min } from 'class-validator';

/** Below a twentieth a shipped town has too few households to say anything. */
export const SCALE_MIN = 0.05;

export class StartComparisonDto {
  @ShippedScenarioName()
  scenario: string;

  @ApiPropertyOptional({
    description: "The fraction of the scenario's households and days to run (as `--scale`): 0.1 is a quick look, 1 the whole town",
    type: 'number',
    format: 'double',
    minimum: SCALE_MIN,
    maximum: 1,
    default: 1,
    example: 0.1,
  })
  @Omittable()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(SCALE_MIN)
  @Max(1)
  scale?: number;

  @ApiPropertyOptional({ description: "The runs' seed (default: the scenario's own)", type: 'integer', format: 'int32', minimum: 0, maximum: INT32_MAX })
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(INT32_MAX)
  seed?: number;
}
