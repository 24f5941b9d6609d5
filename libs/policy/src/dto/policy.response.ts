import { ApiProperty } from '@nestjs/swagger';
import { PROFILE_NAMES, PROHIBITED_PURPOSES, type Policy, type PolicyRules, type ProfileName, type ProhibitedPurpose } from '../domain/policy.js';

/** The active policy: the profile it started from and every rule (DESIGN.md, "Policies"). */
export class PolicyResponse implements Policy {
  @ApiProperty({ enum: PROFILE_NAMES, example: 'ring-2019', description: 'The shipped profile the rules started from' })
  profile!: ProfileName;

  @ApiProperty({ enum: ['opt-out', 'opt-in'], description: 'opt-out: owners who never chose receive police requests' })
  requestsDefault!: PolicyRules['requestsDefault'];

  @ApiProperty({ enum: ['private', 'public-post'], description: 'public-post: requests are also posted in the feed' })
  requestDelivery!: PolicyRules['requestDelivery'];

  @ApiProperty({ example: 0, description: 'Smallest request area, m²' })
  minAreaSquareMeters!: number;

  @ApiProperty({ example: 1294994.055168, description: 'Largest request area, m² (0.5 sq mi)' })
  maxAreaSquareMeters!: number;

  @ApiProperty({ example: 0, description: 'Shortest request time window, seconds' })
  minWindowSeconds!: number;

  @ApiProperty({ example: 43200, description: 'Longest request time window, seconds' })
  maxWindowSeconds!: number;

  @ApiProperty({ example: 3888000, description: 'The window must lie within this many seconds before now' })
  maxLookbackSeconds!: number;

  @ApiProperty({ example: 604800, description: 'A request expires this many seconds after it opens' })
  requestExpirySeconds!: number;

  @ApiProperty({ example: true })
  caseNumberRequired!: boolean;

  @ApiProperty({ type: 'integer', nullable: true, example: null, description: 'Open requests per case number; null = unlimited' })
  maxOpenRequestsPerCase!: number | null;

  @ApiProperty({ enum: ['allowed', 'resolve-only'], description: 'resolve-only: requests are resolved, never deleted' })
  requestDeletion!: PolicyRules['requestDeletion'];

  @ApiProperty({ enum: ['pseudonym', 'identity'], description: 'What police see of an owner who shares' })
  ownerShownAs!: PolicyRules['ownerShownAs'];

  @ApiProperty({ example: 1, description: 'Coverage cells with fewer cameras are omitted' })
  coverageKAnonymity!: number;

  @ApiProperty({ example: 60, description: 'Retention (days) for owners who never chose one' })
  defaultRetentionDays!: number;

  @ApiProperty({ enum: PROHIBITED_PURPOSES, isArray: true, example: [], description: 'Request purposes refused with 422' })
  prohibitedPurposes!: ProhibitedPurpose[];

  @ApiProperty({ enum: ['platform-alone', 'moderator-approval'] })
  emergencyDisclosure!: PolicyRules['emergencyDisclosure'];

  @ApiProperty({ type: 'integer', nullable: true, example: null, description: 'Owner told of an emergency disclosure within this many seconds; null = never' })
  emergencyOwnerNoticeSeconds!: number | null;

  @ApiProperty({ example: false })
  emergencyInTransparencyReport!: boolean;

  @ApiProperty({ example: true })
  warrantPath!: boolean;

  @ApiProperty({ enum: ['logged', 'reason-required'], description: 'reason-required: staff state a reason, shown to the owner' })
  staffFootageAccess!: PolicyRules['staffFootageAccess'];

  @ApiProperty({ type: 'integer', nullable: true, example: 1, description: 'Heat-map cells with fewer posts are hidden; null = no heat map' })
  heatmapMinPosts!: number | null;
}
