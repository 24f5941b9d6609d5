import { GENESIS_HASH, auditHash, type AuditHashInput } from './audit-hash.js';

export interface AuditChainRow extends AuditHashInput {
  hash: string;
}

/**
 * Checks events one by one, in seq order, without holding them: an event is good when its seq
 * follows the previous one (no gap), its prev_hash is the previous hash and its hash is right.
 */
export class AuditChainVerifier {
  private verified = 0;
  private lastHash = GENESIS_HASH;

  /** False at the first event that breaks the chain; `length` then counts the good ones before it. */
  accept(row: AuditChainRow): boolean {
    if (row.seq !== this.nextSeq || row.prevHash !== this.lastHash || auditHash(row) !== row.hash) return false;
    this.verified += 1;
    this.lastHash = row.hash;
    return true;
  }

  /** The seq the next event must have; on failure, the first seq that is missing or wrong. */
  get nextSeq(): number {
    return this.verified + 1;
  }

  get length(): number {
    return this.verified;
  }

  get head(): string | null {
    return this.verified === 0 ? null : this.lastHash;
  }
}
