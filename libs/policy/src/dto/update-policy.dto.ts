import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsNumber, Max, Min, ValidateIf } from 'class-validator';
import { MAX_DURATION_SECONDS, RULE_FIELDS } from '../domain/policy-fields.js';
import { PROFILE_NAMES, type AgencyKindName, type PolicyRules, type ProfileName, type ProhibitedPurpose, type RequestNoticeChannel } from '../domain/policy.js';
import { ruleSchema } from './rule-schema.js';

/**
 * Validators and OpenAPI schema of one rule field, both built from the domain's RULE_FIELDS so
 * the documented range is the enforced one. `@IsOptional` would let null through on any field;
 * here only an absent field is skipped, and null is accepted only where the rule allows it.
 */
function RuleField(field: keyof PolicyRules, description: string): PropertyDecorator {
  const spec = RULE_FIELDS[field];
  const nullable = spec.kind === 'number' && spec.nullable;
  const skip = ValidateIf((_, value: unknown) => value !== undefined && !(nullable && value === null));
  const document = ApiPropertyOptional({ ...ruleSchema(field), description });
  switch (spec.kind) {
    case 'enum':
      return applyDecorators(skip, IsIn(spec.values), document);
    case 'boolean':
      return applyDecorators(skip, IsBoolean(), document);
    case 'list':
      return applyDecorators(skip, IsArray(), IsIn(spec.values, { each: true }), ArrayUnique(), document);
    case 'offsets':
      // Increasing order is the domain's check (400 naming the field as well).
      return applyDecorators(skip, IsArray(), ArrayMaxSize(spec.maxItems), IsInt({ each: true }), Min(1, { each: true }), Max(MAX_DURATION_SECONDS, { each: true }), document);
    case 'number':
      return applyDecorators(
        skip,
        spec.integer ? IsInt() : IsNumber({ allowNaN: false, allowInfinity: false }),
        Min(spec.min),
        Max(spec.max),
        document,
      );
  }
}

/**
 * `PUT /api/policy`: a profile to switch to and/or any subset of the rules. With a profile, the
 * rules start again from its shipped values plus the fields given here; without one, the given
 * fields change the active policy. Unknown fields are a 400.
 */
export class UpdatePolicyDto {
  @ApiPropertyOptional({ enum: PROFILE_NAMES, description: 'Switch to this shipped profile (resets earlier field changes)' })
  @ValidateIf((_, value: unknown) => value !== undefined)
  @IsIn(PROFILE_NAMES)
  profile?: ProfileName;

  @RuleField('requestsDefault', 'opt-out: owners who never chose receive police requests')
  requestsDefault?: PolicyRules['requestsDefault'];

  @RuleField('requestReview', 'A moderator approves each request before it is posted or sent to owners')
  requestReview?: boolean;

  @RuleField('requestDelivery', 'public-post: requests are also posted in the feed')
  requestDelivery?: PolicyRules['requestDelivery'];

  @RuleField('minAreaSquareMeters', 'Smallest request area, m²; ≤ maxAreaSquareMeters')
  minAreaSquareMeters?: number;

  @RuleField('maxAreaSquareMeters', 'Largest request area, m²; ≥ minAreaSquareMeters')
  maxAreaSquareMeters?: number;

  @RuleField('minWindowSeconds', 'Shortest time window, seconds; ≤ maxWindowSeconds')
  minWindowSeconds?: number;

  @RuleField('maxWindowSeconds', 'Longest time window, seconds; ≥ minWindowSeconds, ≤ maxLookbackSeconds')
  maxWindowSeconds?: number;

  @RuleField('maxLookbackSeconds', 'The window must lie within this many seconds before now; ≥ maxWindowSeconds')
  maxLookbackSeconds?: number;

  @RuleField('requestExpirySeconds', 'A request expires this many seconds after it opens')
  requestExpirySeconds?: number;

  @RuleField('caseNumberRequired', 'Requests need a case or reference number')
  caseNumberRequired?: boolean;

  @RuleField('maxOpenRequestsPerCase', 'Open requests per case number; null = unlimited')
  maxOpenRequestsPerCase?: number | null;

  @RuleField('requestDeletion', 'resolve-only: requests are resolved, never deleted')
  requestDeletion?: PolicyRules['requestDeletion'];

  @RuleField('ownerShownAs', 'What police see of an owner who shares')
  ownerShownAs?: PolicyRules['ownerShownAs'];

  @RuleField('coverageKAnonymity', 'Coverage cells with fewer cameras are omitted; null: police get no coverage map (403)')
  coverageKAnonymity?: number | null;

  @RuleField('eligibleAgencyKinds', 'Kinds of agency that may make footage requests; others are refused with 422')
  eligibleAgencyKinds?: AgencyKindName[];

  @RuleField('defaultRetentionDays', 'Retention (days) for owners who never chose one')
  defaultRetentionDays?: number;

  @RuleField('prohibitedPurposes', 'Request purposes refused with 422')
  prohibitedPurposes?: ProhibitedPurpose[];

  @RuleField('emergencyDisclosure', 'Who decides an emergency disclosure')
  emergencyDisclosure?: PolicyRules['emergencyDisclosure'];

  @RuleField('emergencyOwnerNoticeSeconds', 'Owner told of an emergency disclosure within this many seconds; null = never')
  emergencyOwnerNoticeSeconds?: number | null;

  @RuleField('emergencyInTransparencyReport', 'Emergency disclosures appear in the transparency report')
  emergencyInTransparencyReport?: boolean;

  @RuleField('warrantPath', 'Warrants can be served through the platform')
  warrantPath?: boolean;

  @RuleField('staffFootageAccess', 'reason-required: staff state a reason, shown to the owner')
  staffFootageAccess?: PolicyRules['staffFootageAccess'];

  @RuleField('heatmapMinPosts', 'Heat-map cells with fewer posts are hidden; null = no heat map')
  heatmapMinPosts?: number | null;

  @RuleField('reminderOffsetsSeconds', 'Owners who have not answered are reminded this long after the request opened (increasing; [] = never)')
  reminderOffsetsSeconds?: number[];

  @RuleField('requestNoticeChannels', "Channels a request's notices and reminders to owners also go through, besides the inbox")
  requestNoticeChannels?: RequestNoticeChannel[];

  @RuleField('agencySeesUnanswered', 'false: the agency never learns how many owners were asked or have not answered')
  agencySeesUnanswered?: boolean;
}
