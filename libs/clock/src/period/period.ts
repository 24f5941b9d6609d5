import { INSTANT_MAX_LENGTH, ValidationError } from '@app/errors';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches, MaxLength } from 'class-validator';

const WITH_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * `?from&to` of a report over a period: instants with a zone, from inclusive, to exclusive. Each
 * route says its defaults (resolvePeriod), usually a span up to the clock's now.
 */
export class PeriodQueryDto {
  @ApiPropertyOptional({ format: 'date-time', maxLength: INSTANT_MAX_LENGTH, description: 'Inclusive; default: the route’s span before `to`' })
  @IsOptional()
  @MaxLength(INSTANT_MAX_LENGTH)
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(WITH_ZONE, { message: 'from must name its time zone (Z or ±hh:mm)' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', maxLength: INSTANT_MAX_LENGTH, description: 'Exclusive; default: now (the sandbox clock)' })
  @IsOptional()
  @MaxLength(INSTANT_MAX_LENGTH)
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(WITH_ZONE, { message: 'to must name its time zone (Z or ±hh:mm)' })
  to?: string;
}

export class PeriodInvalidError extends ValidationError {
  constructor() {
    super('from must be before to', [{ field: 'from', problems: ['not before to'] }], 'PERIOD_INVALID');
  }
}

export interface Period {
  from: Date;
  to: Date;
}

/** The period asked for, with `to` defaulting to `now` and `from` to `spanMs` before `to`; 400 PERIOD_INVALID unless from < to. */
export function resolvePeriod(asked: { from?: Date; to?: Date }, now: Date, spanMs: number): Period {
  const to = asked.to ?? now;
  const from = asked.from ?? new Date(to.getTime() - spanMs);
  if (from >= to) throw new PeriodInvalidError();
  return { from, to };
}

/** A PeriodQueryDto's instants as dates (undefined where not given). */
export const periodAsked = (query: PeriodQueryDto): { from?: Date; to?: Date } => ({
  ...(query.from !== undefined && { from: new Date(query.from) }),
  ...(query.to !== undefined && { to: new Date(query.to) }),
});
