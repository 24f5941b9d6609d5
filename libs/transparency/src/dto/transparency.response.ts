import { COUNT_PROPERTY, INSTANT_PROPERTY, UUID_PROPERTY } from '@app/errors';
import { ApiProperty } from '@nestjs/swagger';
import type { Report } from '../domain/report.js';

const MAX_AGENCIES = 100_000;

class TransparencyRequestFigures {
  @ApiProperty({ ...COUNT_PROPERTY, description: 'Requests made in the period (deleted ones too)' }) made: number;
  @ApiProperty({ ...COUNT_PROPERTY, description: 'Requests that expired in the period' }) expired: number;
}

class TransparencyExcludedFigures {
  @ApiProperty(COUNT_PROPERTY) noRecordings: number;
  @ApiProperty(COUNT_PROPERTY) blocked: number;
  @ApiProperty(COUNT_PROPERTY) encrypted: number;
  @ApiProperty(COUNT_PROPERTY) optInNotGiven: number;
}

class TransparencyOwnerFigures {
  @ApiProperty({ ...COUNT_PROPERTY, description: 'Owners asked by the requests made in the period' }) asked: number;
  @ApiProperty({ type: TransparencyExcludedFigures, description: 'Owners in those requests’ areas who were not asked, by reason' }) excluded: TransparencyExcludedFigures;
}

class TransparencyAnswerFigures {
  @ApiProperty({ ...COUNT_PROPERTY, description: 'Owners who shared, in the period' }) shares: number;
  @ApiProperty(COUNT_PROPERTY) declines: number;
  @ApiProperty(COUNT_PROPERTY) withdrawals: number;
}

class TransparencyOverrideCountsResponse {
  @ApiProperty(COUNT_PROPERTY) requested: number;
  @ApiProperty(COUNT_PROPERTY) approved: number;
  @ApiProperty(COUNT_PROPERTY) refused: number;
}

class TransparencyOverrideFigures {
  @ApiProperty({ type: TransparencyOverrideCountsResponse }) warrant: TransparencyOverrideCountsResponse;
  @ApiProperty({ type: TransparencyOverrideCountsResponse }) emergency: TransparencyOverrideCountsResponse;
  @ApiProperty({ ...COUNT_PROPERTY, description: 'Owners whose footage the approved ones reached' }) ownersReached: number;
}

class TransparencyFiguresResponse {
  @ApiProperty({ type: TransparencyRequestFigures }) requests: TransparencyRequestFigures;
  @ApiProperty({ type: TransparencyOwnerFigures }) owners: TransparencyOwnerFigures;
  @ApiProperty({ type: TransparencyAnswerFigures }) answers: TransparencyAnswerFigures;
  @ApiProperty({ ...COUNT_PROPERTY, description: 'Owners police saw by name: by consent, or by an override where the policy showed identity' })
  identitiesDisclosed: number;
  @ApiProperty({ type: TransparencyOverrideFigures, description: 'Only overrides the policy in force put in the report (warrants always): counted when asked for and when decided' })
  overrides: TransparencyOverrideFigures;
}

class TransparencyAgencyRef {
  @ApiProperty(UUID_PROPERTY) id: string;
  @ApiProperty({ maxLength: 120 }) name: string;
  @ApiProperty({ maxLength: 16 }) kind: string;
}

class TransparencyAgencyFiguresResponse extends TransparencyFiguresResponse {
  @ApiProperty({ type: TransparencyAgencyRef }) agency: TransparencyAgencyRef;
}

class TransparencyTotalsResponse extends TransparencyFiguresResponse {
  @ApiProperty({ ...COUNT_PROPERTY, description: 'Platform staff opening residents’ footage (no agency did it)' }) staffFootageAccesses: number;
  @ApiProperty({ ...COUNT_PROPERTY, description: 'Neighbours’ feed posts first reported for profiling (singling people out by race) in the period' })
  postsReportedForProfiling: number;
  @ApiProperty({ ...COUNT_PROPERTY, description: 'Feed posts moderators removed in the period' }) postsRemoved: number;
}

class TransparencyPeriodResponse {
  @ApiProperty(INSTANT_PROPERTY) from: string;
  @ApiProperty(INSTANT_PROPERTY) to: string;
}

export class TransparencyResponse {
  @ApiProperty({ type: TransparencyPeriodResponse, description: '[from, to)' }) period: TransparencyPeriodResponse;
  @ApiProperty({ type: [TransparencyAgencyFiguresResponse], maxItems: MAX_AGENCIES, description: 'Every partner agency, by name' }) agencies: TransparencyAgencyFiguresResponse[];
  @ApiProperty({ type: TransparencyTotalsResponse }) totals: TransparencyTotalsResponse;
}

export const toTransparencyResponse = (report: Report): TransparencyResponse => ({
  period: { from: report.period.from.toISOString(), to: report.period.to.toISOString() },
  agencies: report.agencies,
  totals: report.totals,
});
