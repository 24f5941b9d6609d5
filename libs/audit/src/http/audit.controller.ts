import { Roles, Serves } from '@app/auth';
import { ApiBodyErrors, ErrorBody } from '@app/errors';
import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuditService } from '../audit.service.js';
import { AuditPageResponse } from '../dto/audit-event.response.js';
import { AuditVerifyResponse } from '../dto/audit-verify.response.js';
import { ListAuditQueryDto } from '../dto/list-audit-query.dto.js';
import { AuditDateInvalidError } from '../audit.errors.js';

function instant(value: string | undefined, field: string): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new AuditDateInvalidError(field);
  }
  return date;
}

@ApiTags('audit')
@ApiBodyErrors()
@Roles('admin')
@Serves('all')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: 'Audit events, newest first, keyset-paginated' })
  @ApiOkResponse({ type: AuditPageResponse })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'Bad limit, cursor or date' })
  async list(@Query() query: ListAuditQueryDto): Promise<AuditPageResponse> {
    const page = await this.audit.list(
      {
        actor: query.actor,
        action: query.action,
        subject: query.subject,
        from: instant(query.from, 'from'),
        to: instant(query.to, 'to'),
      },
      query.limit,
      query.cursor,
    );
    return AuditPageResponse.from(page);
  }

  @Get('verify')
  @ApiOperation({ summary: 'Checks the whole hash chain: every hash, every link, no gap in seq' })
  @ApiOkResponse({ type: AuditVerifyResponse })
  verify(): Promise<AuditVerifyResponse> {
    return this.audit.verify();
  }
}
