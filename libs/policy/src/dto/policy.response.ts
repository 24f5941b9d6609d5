import { ApiProperty } from '@nestjs/swagger';
import { PROFILE_NAMES, PROFILE_SUMMARIES, PROFILES, type AgencyKindName, type Policy, type PolicyRules, type ProfileName, type ProhibitedPurpose, type RequestNoticeChannel } from '../domain/policy.js';
import { ruleSchema } from './rule-schema.js';

/** The active policy: the profile it started from and every rule (DESIGN.md, "Policies"). */
export class PolicyResponse implements Policy {
  @ApiProperty({ enum: PROFILE_NAMES, example: 'ring-2019', description: 'The shipped profile the rules started from' })
  profile!: ProfileName;

  @ApiProperty({ ...ruleSchema('requestsDefault'), description: 'opt-out: owners who never chose receive police requests' })
  requestsDefault!: PolicyRules['requestsDefault'];

  @ApiProperty({ ...ruleSchema('requestDelivery'), description: 'public-post: requests are also posted in the feed' })
  requestDelivery!: PolicyRules['requestDelivery'];

  @ApiProperty({ ...ruleSchema('requestReview'), example: false, description: 'A moderator approves each request before it is posted or sent to owners' })
  requestReview!: boolean;

  @ApiProperty({ ...ruleSchema('minAreaSquareMeters'), example: 0, description: 'Smallest request area, m²' })
  minAreaSquareMeters!: number;

  @ApiProperty({ ...ruleSchema('maxAreaSquareMeters'), example: 1294994.055168, description: 'Largest request area, m² (0.5 sq mi)' })
  maxAreaSquareMeters!: number;

  @ApiProperty({ ...ruleSchema('minWindowSeconds'), example: 0, description: 'Shortest request time window, seconds' })
  minWindowSeconds!: number;

  @ApiProperty({ ...ruleSchema('maxWindowSeconds'), example: 43200, description: 'Longest request time window, seconds' })
  maxWindowSeconds!: number;

  @ApiProperty({ ...ruleSchema('maxLookbackSeconds'), example: 3888000, description: 'The window must lie within this many seconds before now' })
  maxLookbackSeconds!: number;

  @ApiProperty({ ...ruleSchema('requestExpirySeconds'), example: 604800, description: 'A request expires this many seconds after it opens' })
  requestExpirySeconds!: number;

  @ApiProperty({ ...ruleSchema('caseNumberRequired'), example: true })
  caseNumberRequired!: boolean;

  @ApiProperty({ ...ruleSchema('maxOpenRequestsPerCase'), example: null, description: 'Open requests per case number; null = unlimited' })
  maxOpenRequestsPerCase!: number | null;

  @ApiProperty({ ...ruleSchema('requestDeletion'), description: 'resolve-only: requests are resolved, never deleted' })
  requestDeletion!: PolicyRules['requestDeletion'];

  @ApiProperty({ ...ruleSchema('ownerShownAs'), description: 'What police see of an owner who shares' })
  ownerShownAs!: PolicyRules['ownerShownAs'];

  @ApiProperty({ ...ruleSchema('coverageKAnonymity'), example: 1, description: 'Coverage cells with fewer cameras are omitted; null: no coverage map for police' })
  coverageKAnonymity!: number | null;

  @ApiProperty({ ...ruleSchema('eligibleAgencyKinds'), example: ['police', 'sheriff', 'fire', 'federal'], description: 'Kinds of agency that may make footage requests' })
  eligibleAgencyKinds!: AgencyKindName[];

  @ApiProperty({ ...ruleSchema('defaultRetentionDays'), example: 60, description: 'Retention (days) for owners who never chose one' })
  defaultRetentionDays!: number;

  @ApiProperty({ ...ruleSchema('prohibitedPurposes'), example: [], description: 'Request purposes refused with 422' })
  prohibitedPurposes!: ProhibitedPurpose[];

  @ApiProperty({ ...ruleSchema('emergencyDisclosure'), description: 'Who decides an emergency disclosure' })
  emergencyDisclosure!: PolicyRules['emergencyDisclosure'];

  @ApiProperty({ ...ruleSchema('emergencyOwnerNoticeSeconds'), example: null, description: 'Owner told of an emergency disclosure within this many seconds; null = never' })
  emergencyOwnerNoticeSeconds!: number | null;

  @ApiProperty({ ...ruleSchema('emergencyInTransparencyReport'), example: false })
  emergencyInTransparencyReport!: boolean;

  @ApiProperty({ ...ruleSchema('warrantPath'), example: true })
  warrantPath!: boolean;

  @ApiProperty({ ...ruleSchema('staffFootageAccess'), description: 'reason-required: staff state a reason, shown to the owner' })
  staffFootageAccess!: PolicyRules['staffFootageAccess'];

  @ApiProperty({ ...ruleSchema('heatmapMinPosts'), example: 1, description: 'Heat-map cells with fewer posts are hidden; null = no heat map' })
  heatmapMinPosts!: number | null;

  @ApiProperty({ ...ruleSchema('reminderOffsetsSeconds'), example: [86400, 259200], description: 'Reminders to owners who have not answered, this long after the request opened' })
  reminderOffsetsSeconds!: number[];

  @ApiProperty({ ...ruleSchema('requestNoticeChannels'), example: [], description: "Channels a request's notices and reminders to owners also go through, besides the inbox" })
  requestNoticeChannels!: RequestNoticeChannel[];

  @ApiProperty({ ...ruleSchema('agencySeesUnanswered'), example: true, description: 'false: the agency never learns how many owners were asked or have not answered' })
  agencySeesUnanswered!: boolean;
}

/** A shipped profile as it ships: its name, where its rules come from, and every rule. */
export class ProfileResponse extends PolicyResponse {
  @ApiProperty({ maxLength: 200, description: 'Where its rules come from, in one line' })
  summary!: string;
}

export class ProfileListResponse {
  @ApiProperty({ type: [ProfileResponse], maxItems: PROFILE_NAMES.length, description: 'Every shipped profile, in the order they are introduced' })
  items!: ProfileResponse[];
}

export const shippedProfiles = (): ProfileListResponse => ({
  items: PROFILE_NAMES.map((profile) => ({ profile, summary: PROFILE_SUMMARIES[profile], ...PROFILES[profile] })),
});
