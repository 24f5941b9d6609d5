import { Public, Serves } from '@app/auth';
import { periodAsked } from '@app/clock';
import { ApiBodyErrors, ErrorBody } from '@app/errors';
import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiExtraModels, ApiHeader, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { stringify } from 'csv-stringify/sync';
import type { FastifyReply } from 'fastify';
import { CSV_COLUMNS, csvRows } from '../domain/report.js';
import { TransparencyQueryDto } from '../dto/transparency.query.js';
import { toTransparencyResponse, TransparencyResponse } from '../dto/transparency.response.js';
import { TransparencyService } from '../transparency.service.js';

const CSV = 'text/csv';

@ApiTags('transparency')
@ApiExtraModels(TransparencyResponse)
@ApiBodyErrors()
@Public()
@Serves('all')
@Controller('transparency')
export class TransparencyController {
  constructor(private readonly transparency: TransparencyService) {}

  @Get()
  @ApiOperation({
    summary: 'The public transparency report: per agency and in total, what police asked of owners and what they got',
    description:
      'Counts only: no user ids, names, emails or places. Overrides count where the policy in force when they were asked for, ' +
      'and when they were decided, put them in the report (warrants always); a later policy switch rewrites nothing. ' +
      'The period is [from, to): by default the year up to now.',
  })
  @ApiHeader({ name: 'Accept', required: false, schema: { type: 'string', maxLength: 1024 }, description: '`text/csv` (or `?format=csv`) for the same table as CSV' })
  @ApiOkResponse({
    description: 'JSON, or CSV with a header row: one row per agency, then the totals',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(TransparencyResponse) } },
      [CSV]: { schema: { type: 'string', maxLength: 100_000_000 } },
    },
  })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'from or to not an instant with a zone; PERIOD_INVALID (from not before to)' })
  async report(
    @Query() query: TransparencyQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TransparencyResponse | string> {
    const report = await this.transparency.report(periodAsked(query));
    const csv = query.format === 'csv' || (query.format === undefined && (accept ?? '').includes(CSV));
    if (!csv) return toTransparencyResponse(report);
    void reply.header('content-type', `${CSV}; charset=utf-8`);
    return stringify(csvRows(report), { header: true, columns: [...CSV_COLUMNS] });
  }
}
