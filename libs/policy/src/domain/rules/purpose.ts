import { PROHIBITED_PURPOSES, type PolicyRules, type ProhibitedPurpose } from '../policy.js';
import { isRaceOnlyDescription } from './race-only-description.js';
import { violation, type RuleViolation } from './rule-violation.js';

/**
 * Incident types (normalised: lower case, spaces and underscores as hyphens) that make a request
 * one of the prohibited purposes. Lawful assembly and immigration status are not crimes a
 * neighbour's camera should be searched for; ordinary crimes at a protest (vandalism, assault)
 * keep their own incident type and are not caught here.
 */
export const PURPOSE_INCIDENT_TYPES: Record<Exclude<ProhibitedPurpose, 'race-only-description'>, readonly string[]> = {
  protest: ['protest', 'demonstration', 'rally', 'march', 'picket', 'civil-disobedience', 'sit-in'],
  immigration: ['immigration', 'immigration-enforcement', 'immigration-status', 'deportation', 'undocumented-person'],
};

export interface RequestPurpose {
  incidentType: string;
  description: string;
}

const normalise = (incidentType: string): string => incidentType.trim().toLowerCase().replace(/[\s_]+/g, '-');

function matches(purpose: ProhibitedPurpose, request: RequestPurpose): boolean {
  if (purpose === 'race-only-description') return isRaceOnlyDescription(request.description);
  return PURPOSE_INCIDENT_TYPES[purpose].includes(normalise(request.incidentType));
}

/** The first purpose (in PROHIBITED_PURPOSES order) that the policy prohibits and the request has. */
export function checkPurpose(
  policy: Pick<PolicyRules, 'prohibitedPurposes'>,
  request: RequestPurpose,
): RuleViolation | null {
  const purpose = PROHIBITED_PURPOSES.find(
    (candidate) => policy.prohibitedPurposes.includes(candidate) && matches(candidate, request),
  );
  return purpose === undefined ? null : prohibited(purpose, 'requests');
}

/**
 * The same rule screening what neighbours post to the feed: where the policy prohibits
 * descriptions by race alone, a post that is one (title or body) is held for a moderator.
 */
export function checkPostPurpose(policy: Pick<PolicyRules, 'prohibitedPurposes'>, text: { title: string; body: string }): RuleViolation | null {
  const purpose = 'race-only-description';
  if (!policy.prohibitedPurposes.includes(purpose)) return null;
  return isRaceOnlyDescription(text.title) || isRaceOnlyDescription(text.body) ? prohibited(purpose, 'posts') : null;
}

const prohibited = (purpose: ProhibitedPurpose, what: 'requests' | 'posts'): RuleViolation =>
  violation('POLICY_PROHIBITED_PURPOSE', `This policy prohibits ${what} for purpose: ${purpose}`, { purpose });
