import { AGENCY_KIND_NAMES, OWNER_SHOWN_AS, PROHIBITED_PURPOSES, REQUEST_NOTICE_CHANNELS, type PolicyRules } from './policy.js';

/**
 * What each rule field may hold. The HTTP DTO checks the same ranges for a readable 400; this
 * table also guards overrides read back from the database and any caller outside HTTP (the
 * simulator), so a policy in force is always one these checks accept.
 */
export type FieldSpec =
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'boolean' }
  | { kind: 'number'; min: number; max: number; integer: boolean; nullable: boolean }
  /** A list of distinct values, each one of `values`. */
  | { kind: 'list'; values: readonly string[] }
  /** Durations in whole seconds, strictly increasing: points in time after an event. */
  | { kind: 'offsets'; maxItems: number };

const DAY = 86_400;
/** Ten years: far beyond any sensible limit, small enough that date arithmetic stays exact. */
export const MAX_DURATION_SECONDS = 3650 * DAY;
/** 10,000 km²: larger than any city; keeps areas finite. */
export const MAX_AREA_SQUARE_METERS = 1e10;
export const MAX_COUNT = 1_000_000;
export const RETENTION_DAYS = { min: 1, max: 180 } as const;
export const MAX_REMINDERS = 10;

const seconds = (min: number, nullable = false): FieldSpec => ({
  kind: 'number',
  min,
  max: MAX_DURATION_SECONDS,
  integer: true,
  nullable,
});
const count = (nullable: boolean): FieldSpec => ({ kind: 'number', min: 1, max: MAX_COUNT, integer: true, nullable });
const area: FieldSpec = { kind: 'number', min: 0, max: MAX_AREA_SQUARE_METERS, integer: false, nullable: false };

export const RULE_FIELDS: { readonly [K in keyof PolicyRules]-?: FieldSpec } = {
  requestsDefault: { kind: 'enum', values: ['opt-out', 'opt-in'] },
  requestDelivery: { kind: 'enum', values: ['private', 'public-post'] },
  requestReview: { kind: 'boolean' },
  minAreaSquareMeters: area,
  maxAreaSquareMeters: area,
  minWindowSeconds: seconds(0),
  maxWindowSeconds: seconds(1),
  maxLookbackSeconds: seconds(1),
  requestExpirySeconds: seconds(1),
  caseNumberRequired: { kind: 'boolean' },
  maxOpenRequestsPerCase: count(true),
  requestDeletion: { kind: 'enum', values: ['allowed', 'resolve-only'] },
  ownerShownAs: { kind: 'enum', values: OWNER_SHOWN_AS },
  coverageKAnonymity: count(true),
  defaultRetentionDays: {
    kind: 'number',
    min: RETENTION_DAYS.min,
    max: RETENTION_DAYS.max,
    integer: true,
    nullable: false,
  },
  prohibitedPurposes: { kind: 'list', values: PROHIBITED_PURPOSES },
  eligibleAgencyKinds: { kind: 'list', values: AGENCY_KIND_NAMES },
  emergencyDisclosure: { kind: 'enum', values: ['platform-alone', 'moderator-approval'] },
  emergencyOwnerNoticeSeconds: seconds(0, true),
  emergencyInTransparencyReport: { kind: 'boolean' },
  warrantPath: { kind: 'boolean' },
  staffFootageAccess: { kind: 'enum', values: ['logged', 'reason-required'] },
  heatmapMinPosts: count(true),
  reminderOffsetsSeconds: { kind: 'offsets', maxItems: MAX_REMINDERS },
  requestNoticeChannels: { kind: 'list', values: REQUEST_NOTICE_CHANNELS },
  agencySeesUnanswered: { kind: 'boolean' },
};

export const RULE_FIELD_NAMES = Object.keys(RULE_FIELDS) as (keyof PolicyRules)[];

export function fieldProblem(spec: FieldSpec, value: unknown): string | null {
  switch (spec.kind) {
    case 'enum':
      return typeof value === 'string' && spec.values.includes(value) ? null : `must be one of ${spec.values.join(', ')}`;
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be a boolean';
    case 'list': {
      if (!Array.isArray(value) || !value.every((item) => spec.values.includes(item))) {
        return `must be a list of ${spec.values.join(', ')}`;
      }
      return new Set(value).size === value.length ? null : 'must not repeat a value';
    }
    case 'offsets': {
      if (!Array.isArray(value) || value.length > spec.maxItems) return `must be a list of at most ${spec.maxItems} durations in seconds`;
      if (!value.every((item) => Number.isInteger(item) && item >= 1 && item <= MAX_DURATION_SECONDS)) {
        return `each must be an integer from 1 to ${MAX_DURATION_SECONDS}`;
      }
      return value.every((item, index) => index === 0 || item > value[index - 1]) ? null : 'must be in increasing order';
    }
    case 'number': {
      if (value === null) return spec.nullable ? null : 'must not be null';
      const kind = spec.integer ? 'an integer' : 'a number';
      if (typeof value !== 'number' || !Number.isFinite(value) || (spec.integer && !Number.isInteger(value))) {
        return `must be ${kind}${spec.nullable ? ' or null' : ''}`;
      }
      return value < spec.min || value > spec.max ? `must be ${kind} from ${spec.min} to ${spec.max}` : null;
    }
  }
}
