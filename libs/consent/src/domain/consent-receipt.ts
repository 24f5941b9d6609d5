import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/** The receipt format's own version: bumped when its fields change, so old receipts stay readable. */
export const RECEIPT_VERSION = '1.0';

/**
 * What a share discloses: always `video`; with `contact` police also see the owner's name and
 * email; with `identity` name, email and address (the camera's place when shared).
 */
export const DATA_CATEGORIES = ['video', 'contact', 'identity'] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

/** Fixed when the owner answers, by the policy in force: a decline discloses nothing beyond having answered. */
export function disclosedCategories(decision: 'share' | 'decline', shownAs: 'pseudonym' | 'name-and-email' | 'identity'): DataCategory[] {
  if (decision === 'decline' || shownAs === 'pseudonym') return ['video'];
  return ['video', shownAs === 'identity' ? 'identity' : 'contact'];
}

/** Police see the owner's name and email. */
export const namesOwner = (categories: readonly DataCategory[]): boolean => categories.includes('contact') || categories.includes('identity');

/** Police also see where the owner lives: the camera's place. */
export const placesOwner = (categories: readonly DataCategory[]): boolean => categories.includes('identity');

/**
 * A consent record with fields modelled on ISO/IEC 27560: who (pseudonymously) decided what,
 * for whom, why, on which legal basis, over which data, for how long, and how to withdraw.
 */
export interface ReceiptFields {
  receiptId: string;
  version: string;
  timestamp: string;
  /** The owner, pseudonymously: stable for the owner, meaningless to anyone else. */
  principal: string;
  controller: { name: string; url: string };
  recipient: { agencyId: string; name: string };
  purpose: { requestId: string; incidentType: string; caseNumber: string };
  legalBasis: 'consent';
  decision: 'share' | 'decline';
  /** What the agency learns: see `disclosedCategories`. */
  dataCategories: DataCategory[];
  recordingIds: string[];
  /** How long the agency may keep what was shared. */
  retention: { days: number };
  /** Null for a decline: nothing was given, so there is nothing to withdraw. */
  withdrawal: { url: string } | null;
  policy: { profile: string };
  withdrawnAt?: string;
}

export interface ConsentReceipt extends ReceiptFields {
  /** SHA-256 (hex) of the RFC 8785 canonical JSON of every other field. */
  hash: string;
}

export function receiptHash(fields: ReceiptFields): string {
  const canonical = canonicalize(fields);
  if (canonical === undefined) throw new Error('A receipt must canonicalize');
  return createHash('sha256').update(canonical).digest('hex');
}

export const sealReceipt = (fields: ReceiptFields): ConsentReceipt => ({ ...fields, hash: receiptHash(fields) });

/** Whether a receipt (e.g. one a resident kept) is exactly what its hash says. */
export function verifyReceipt(receipt: ConsentReceipt): boolean {
  const { hash, ...fields } = receipt;
  return receiptHash(fields) === hash;
}

/** Withdrawal is part of the record: the receipt gains `withdrawnAt` and is sealed again. */
export const withdrawnReceipt = (receipt: ConsentReceipt, at: Date): ConsentReceipt => {
  const { hash: _previous, ...fields } = receipt;
  return sealReceipt({ ...fields, withdrawnAt: at.toISOString() });
};
