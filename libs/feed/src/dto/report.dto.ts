import { INSTANT_PROPERTY, Omittable, UUID_PROPERTY } from '@app/errors';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches, MaxLength } from 'class-validator';
import { DECISION_REASON_MAX, MODERATION_ACTIONS, REPORT_NOTE_MAX, REPORT_REASONS, type ModerationAction, type ReportReason } from '../domain/post.js';
import type { Report } from '../feed.service.js';

export class CreateReportDto {
  @ApiProperty({ enum: REPORT_REASONS, description: 'profiling: a post that singles people out by race or ethnicity' })
  @IsIn(REPORT_REASONS)
  reason: ReportReason;

  @ApiPropertyOptional({ maxLength: REPORT_NOTE_MAX, example: 'Describes people by race alone' })
  @Omittable()
  @IsString()
  @MaxLength(REPORT_NOTE_MAX)
  note?: string;
}

export class ReportResponse {
  @ApiProperty(UUID_PROPERTY) postId: string;
  @ApiProperty({ enum: REPORT_REASONS }) reason: ReportReason;
  @ApiProperty({ type: String, maxLength: REPORT_NOTE_MAX, nullable: true }) note: string | null;
  @ApiProperty(INSTANT_PROPERTY) createdAt: string;
}

export const toReportResponse = (report: Report): ReportResponse => ({
  postId: report.postId,
  reason: report.reason,
  note: report.note,
  createdAt: report.createdAt.toISOString(),
});

export class PostDecisionDto {
  @ApiProperty({ enum: MODERATION_ACTIONS, description: 'keep: published (again); remove: gone for good, and its author is told' })
  @IsIn(MODERATION_ACTIONS)
  action: ModerationAction;

  @ApiProperty({ minLength: 1, maxLength: DECISION_REASON_MAX, example: 'Describes a person by race alone' })
  @IsString()
  @Length(1, DECISION_REASON_MAX)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason: string;
}
