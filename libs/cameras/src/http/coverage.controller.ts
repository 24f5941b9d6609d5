import { Roles, Serves } from '@app/auth';
import { ApiBodyErrors, ErrorBody } from '@app/errors';
import { parseBbox } from '@app/geo';
import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CoverageService } from '../coverage.service.js';
import { CoverageCellResponse, CoverageQueryDto } from '../dto/coverage.dto.js';

@ApiTags('portal')
@ApiBodyErrors()
@Roles('officer', 'agency_admin')
@Serves('all')
@Controller('portal/coverage')
export class CoverageController {
  constructor(private readonly coverage: CoverageService) {}

  @Get()
  @ApiOperation({
    summary: 'Camera counts per H3 resolution-9 cell, k-anonymous',
    description:
      'Cells whose centre lies in the box, each counted whole; cells with fewer than the policy’s ' +
      'coverageKAnonymity cameras are omitted; owners who block police requests (or never opted in, ' +
      'under an opt-in policy) and end-to-end-encrypted owners are not counted. Where the policy gives no coverage map ' +
      '(coverageKAnonymity null), 403 POLICY_COVERAGE_FORBIDDEN.',
  })
  @ApiOkResponse({ type: [CoverageCellResponse] })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'BBOX_INVALID (malformed) or BBOX_TOO_LARGE (over 50 km²)' })
  @ApiForbiddenResponse({ type: ErrorBody, description: 'Not an officer or agency admin; POLICY_COVERAGE_FORBIDDEN where the policy gives agencies no coverage map' })
  cells(@Query() query: CoverageQueryDto): Promise<CoverageCellResponse[]> {
    return this.coverage.cells(parseBbox(query.bbox));
  }
}
