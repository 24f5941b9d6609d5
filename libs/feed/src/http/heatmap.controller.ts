import { Roles, Serves } from '@app/auth';
import { periodAsked } from '@app/clock';
import { ErrorBody } from '@app/errors';
import { parseBbox } from '@app/geo';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HeatmapQueryDto, HeatmapResponse, toHeatmapResponse } from '../dto/heatmap.dto.js';
import { HeatmapService } from '../heatmap.service.js';

@ApiTags('portal')
@Roles('officer', 'agency_admin')
@Serves('all')
@Controller('portal/heatmap')
export class HeatmapController {
  constructor(private readonly heatmap: HeatmapService) {}

  @Get()
  @ApiOperation({
    summary: "The incident heat map: neighbours' feed posts per H3 resolution-9 cell and category, as the policy allows",
    description:
      'Cells whose centre lies in the box, each counted whole; cells with fewer than the policy’s heatmapMinPosts posts of a ' +
      'category are left out, and where the policy gives no heat map (heatmapMinPosts null) the answer is 403 ' +
      'POLICY_HEATMAP_FORBIDDEN. Published neighbours’ posts only. The period is [from, to): by default the 30 days up to now.',
  })
  @ApiOkResponse({ type: HeatmapResponse })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'BBOX_INVALID, BBOX_TOO_LARGE (over 50 km²), bad category, from or to; PERIOD_INVALID' })
  @ApiForbiddenResponse({ type: ErrorBody, description: 'Not an officer or agency admin; POLICY_HEATMAP_FORBIDDEN where the policy gives agencies no heat map' })
  async cells(@Query() query: HeatmapQueryDto): Promise<HeatmapResponse> {
    return toHeatmapResponse(await this.heatmap.cells(parseBbox(query.bbox), query.category, periodAsked(query)));
  }
}
