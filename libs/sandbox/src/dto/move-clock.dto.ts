import { INSTANT_MAX_LENGTH, Omittable } from '@app/errors';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsInt, Matches, Max, MaxLength, Min, NotEquals } from 'class-validator';

/** How far sandbox time may jump in one move (also bounds `now`): five years. */
export const MAX_ADVANCE_SECONDS = 5 * 365 * 24 * 3600;

/** Exactly one of the two fields (checked by the service, which names the problem). */
export class MoveClockDto {
  @ApiPropertyOptional({
    description: 'Move sandbox time forward by this many seconds (negative values are refused: 422 CLOCK_BACKWARDS)',
    type: 'integer',
    format: 'int32',
    minimum: 1,
    maximum: MAX_ADVANCE_SECONDS,
    example: 86400,
  })
  @Omittable()
  @IsInt()
  @NotEquals(0)
  // Bounded both ways: a huge negative value would make no date at all, not a backward move.
  @Min(-MAX_ADVANCE_SECONDS)
  @Max(MAX_ADVANCE_SECONDS)
  advanceSeconds?: number;

  @ApiPropertyOptional({
    description: 'Move sandbox time to this instant; it must not be before the current sandbox time',
    format: 'date-time',
    maxLength: INSTANT_MAX_LENGTH,
    example: '2030-01-01T09:00:00Z',
  })
  @Omittable()
  @MaxLength(INSTANT_MAX_LENGTH)
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(/(Z|[+-]\d{2}:?\d{2})$/i, { message: 'now must name its time zone (Z or ±hh:mm)' })
  now?: string;
}
