import { describe, expect, it } from '@jest/globals';
import { AuditChainVerifier } from './audit-chain.js';
import { decodeAuditCursor, encodeAuditCursor } from './audit-cursor.js';
import { GENESIS_HASH, asStoredData, auditHash, type AuditHashInput } from './audit-hash.js';

const user = 'user:6f1c2a9e-0000-4000-8000-000000000001';
const event: AuditHashInput = {
  seq: 1,
  at: new Date('2025-01-02T03:04:05.678Z'),
  actor: user,
  action: 'auth.login',
  subject: user,
  // Keys deliberately out of order: canonical JSON sorts them.
  data: { nested: { z: 'é', a: [1, 2.5, true, null] }, ip: '127.0.0.1' },
  prevHash: GENESIS_HASH,
};

describe('audit event hash', () => {
  it('is SHA-256 of the RFC 8785 canonical JSON (known vector computed with sha256sum)', () => {
    // printf '%s' '{"action":"auth.login","actor":"user:…","at":"2025-01-02T03:04:05.678Z",
    //   "data":{"ip":"127.0.0.1","nested":{"a":[1,2.5,true,null],"z":"é"}},"prevHash":"000…","seq":1,
    //   "subject":"user:…"}' | sha256sum
    expect(auditHash(event)).toBe('321c0544c6ba7130808276babf2959b38819c56c20b15deca6d210052299fc06');
  });

  it('does not depend on the order of keys in data', () => {
    expect(auditHash({ ...event, data: { ip: '127.0.0.1', nested: { a: [1, 2.5, true, null], z: 'é' } } })).toBe(
      auditHash(event),
    );
  });

  it.each([
    ['seq', { seq: 2 }],
    ['at (one millisecond)', { at: new Date('2025-01-02T03:04:05.679Z') }],
    ['actor', { actor: 'system' }],
    ['action', { action: 'auth.login_failed' }],
    ['subject', { subject: 'user:other' }],
    ['data', { data: { ...event.data, ip: '127.0.0.2' } }],
    ['prevHash', { prevHash: '1'.repeat(64) }],
  ])('changes when %s changes', (_field, change) => {
    expect(auditHash({ ...event, ...change })).not.toBe(auditHash(event));
  });

  it('hashes data in the form jsonb gives back (no undefined members, dates as strings)', () => {
    expect(asStoredData({ a: undefined, at: new Date('2025-01-02T00:00:00Z'), b: 1 })).toEqual({
      at: '2025-01-02T00:00:00.000Z',
      b: 1,
    });
    expect(asStoredData(undefined)).toEqual({});
  });
});

describe('audit chain verifier', () => {
  const chain = (length: number) => {
    const rows = [];
    let prevHash = GENESIS_HASH;
    for (let seq = 1; seq <= length; seq++) {
      const row = { ...event, seq, prevHash };
      rows.push({ ...row, hash: auditHash(row) });
      prevHash = rows.at(-1)!.hash;
    }
    return rows;
  };

  it('accepts an unbroken chain starting at seq 1 from the genesis hash', () => {
    const verifier = new AuditChainVerifier();
    const rows = chain(3);
    expect(rows.every((row) => verifier.accept(row))).toBe(true);
    expect(verifier.length).toBe(3);
    expect(verifier.head).toBe(rows[2]!.hash);
  });

  it('has no head while empty', () => {
    expect(new AuditChainVerifier().head).toBeNull();
  });

  it('rejects a gap in seq at the missing seq', () => {
    const verifier = new AuditChainVerifier();
    const [first, , third] = chain(3);
    expect(verifier.accept(first!)).toBe(true);
    expect(verifier.accept(third!)).toBe(false);
    expect(verifier.nextSeq).toBe(2);
  });

  it('rejects an event whose prev_hash is not the previous hash, even if its own hash fits', () => {
    const verifier = new AuditChainVerifier();
    const [first, second] = chain(2);
    const forked = { ...second!, prevHash: '1'.repeat(64) };
    expect(verifier.accept(first!)).toBe(true);
    expect(verifier.accept({ ...forked, hash: auditHash(forked) })).toBe(false);
  });

  it('rejects an event whose content no longer matches its hash', () => {
    const verifier = new AuditChainVerifier();
    expect(verifier.accept({ ...chain(1)[0]!, action: 'auth.register' })).toBe(false);
    expect(verifier.length).toBe(0);
  });
});

describe('audit page cursor', () => {
  it('round-trips a seq and refuses anything else', () => {
    expect(decodeAuditCursor(encodeAuditCursor(42))).toBe(42);
    expect(decodeAuditCursor('not-a-cursor')).toBeUndefined();
    expect(decodeAuditCursor(Buffer.from('seq:0').toString('base64url'))).toBeUndefined();
  });
});
