/**
 * Warrant and emergency disclosures (DESIGN.md, invariant 6): the paths by which police reach
 * footage without the owner's consent. What happens to one — who decides, whether owners are
 * told, whether the public report counts it — is the policy's, read when it is decided.
 */
export const OVERRIDE_BASES = ['warrant', 'emergency'] as const;
export type OverrideBasis = (typeof OVERRIDE_BASES)[number];

/** libs/policy's ownerShownAs, structurally (a domain imports no other context). */
export type OwnerShownAs = 'pseudonym' | 'name-and-email' | 'identity';

export const OVERRIDE_STATUSES = ['pending', 'approved', 'refused'] as const;
export type OverrideStatus = (typeof OVERRIDE_STATUSES)[number];

/**
 * Where the policy asks a moderator to review requests, one waiting for review or refused has
 * reached nobody; an override through it would claim footage by a request nobody approved.
 */
export const claimableThrough = (requestStatus: string): boolean => requestStatus !== 'pending-review' && requestStatus !== 'refused';

/** The rules of the policy an override answers to (a structural slice of libs/policy's PolicyRules). */
export interface OverridePolicy {
  emergencyDisclosure: 'platform-alone' | 'moderator-approval';
  emergencyOwnerNoticeSeconds: number | null;
  emergencyInTransparencyReport: boolean;
  ownerShownAs: OwnerShownAs;
}

/** The policy's word on an approved override, fixed on its row at approval. */
export interface ApprovalTerms {
  shownAs: OwnerShownAs;
  /** Owners are told within this long of the approval; null: never. */
  ownerNoticeSeconds: number | null;
  noticeDueAt: Date | null;
  inTransparencyReport: boolean;
}

/**
 * Only an emergency under `platform-alone` is granted on the spot (by the platform, with nobody
 * else asked); a warrant always waits for a moderator, who checks it.
 */
export const grantedOnTheSpot = (basis: OverrideBasis, policy: Pick<OverridePolicy, 'emergencyDisclosure'>): boolean =>
  basis === 'emergency' && policy.emergencyDisclosure === 'platform-alone';

/**
 * Warrants are always in the transparency report (a court was involved, the count is public
 * record); emergencies only where the policy says so. Owners are told where the policy sets a
 * notice period, whatever the basis.
 */
export function approvalTerms(basis: OverrideBasis, policy: OverridePolicy, approvedAt: Date): ApprovalTerms {
  const ownerNoticeSeconds = policy.emergencyOwnerNoticeSeconds;
  return {
    shownAs: policy.ownerShownAs,
    ownerNoticeSeconds,
    noticeDueAt: ownerNoticeSeconds === null ? null : new Date(approvedAt.getTime() + ownerNoticeSeconds * 1000),
    inTransparencyReport: inTransparencyReport(basis, policy),
  };
}

/** Whether the policy in force puts an override (asked for, or decided) in the public report. */
export const inTransparencyReport = (basis: OverrideBasis, policy: Pick<OverridePolicy, 'emergencyInTransparencyReport'>): boolean =>
  basis === 'warrant' || policy.emergencyInTransparencyReport;

/** Why a decision cannot be taken, or null: a decided override stays decided; a warrant is approved only once checked. */
export function decisionProblem(
  override: { status: OverrideStatus; basis: OverrideBasis },
  decision: { approve: boolean; warrantChecked?: boolean },
): 'already-decided' | 'warrant-unchecked' | null {
  if (override.status !== 'pending') return 'already-decided';
  if (decision.approve && override.basis === 'warrant' && decision.warrantChecked !== true) return 'warrant-unchecked';
  return null;
}

/**
 * Numbers for the owners an override reaches, as police will know them on this request: an
 * owner the request asked, or an earlier override reached, keeps that number; the others get the
 * next free ones, in id order (random ids: the order tells nothing about anyone).
 */
export function pseudonymNumbers(owners: readonly string[], known: ReadonlyMap<string, number>): Map<string, number> {
  let next = Math.max(0, ...known.values()) + 1;
  const numbers = new Map<string, number>();
  for (const owner of [...new Set(owners)].sort()) numbers.set(owner, known.get(owner) ?? next++);
  return numbers;
}
