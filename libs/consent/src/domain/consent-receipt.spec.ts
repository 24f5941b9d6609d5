import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import {
  disclosedCategories,
  namesOwner,
  placesOwner,
  receiptHash,
  sealReceipt,
  verifyReceipt,
  withdrawnReceipt,
  type ConsentReceipt,
  type ReceiptFields,
} from './consent-receipt.js';

const fields: ReceiptFields = {
  receiptId: '5b0a3e52-4a38-4b0e-9d51-3f3c8a0f2d11',
  version: '1.0',
  timestamp: '2031-09-01T12:00:00.000Z',
  principal: 'principal-0123456789abcdef01234567',
  controller: { name: 'Porchlight', url: 'http://127.0.0.1:3000' },
  recipient: { agencyId: 'c7d6c2a4-1d4b-4a52-9a3c-2f0f4c9d8e77', name: 'North Precinct' },
  purpose: { requestId: '0f6f1b1e-7c0c-4d7e-8f55-6a4d1f1c2b33', incidentType: 'package-theft', caseNumber: '2031-0042' },
  legalBasis: 'consent',
  decision: 'share',
  dataCategories: ['video'],
  recordingIds: ['8a1f5f8e-2c1b-4c1e-9f0e-1b2c3d4e5f60'],
  retention: { days: 60 },
  withdrawal: { url: 'http://127.0.0.1:3000/api/consents/5b0a3e52-4a38-4b0e-9d51-3f3c8a0f2d11/withdraw' },
  policy: { profile: 'ring-2019' },
};

describe('consent receipt (invariant 4: consent is demonstrable)', () => {
  it('is sealed with the SHA-256 of the RFC 8785 canonical JSON of its other fields', () => {
    // RFC 8785 sorts keys (by UTF-16 code units) and writes no whitespace; spelled out here by hand.
    const canonical =
      '{"controller":{"name":"Porchlight","url":"http://127.0.0.1:3000"},"dataCategories":["video"],"decision":"share",' +
      '"legalBasis":"consent","policy":{"profile":"ring-2019"},"principal":"principal-0123456789abcdef01234567",' +
      '"purpose":{"caseNumber":"2031-0042","incidentType":"package-theft","requestId":"0f6f1b1e-7c0c-4d7e-8f55-6a4d1f1c2b33"},' +
      '"receiptId":"5b0a3e52-4a38-4b0e-9d51-3f3c8a0f2d11","recipient":{"agencyId":"c7d6c2a4-1d4b-4a52-9a3c-2f0f4c9d8e77","name":"North Precinct"},' +
      '"recordingIds":["8a1f5f8e-2c1b-4c1e-9f0e-1b2c3d4e5f60"],"retention":{"days":60},"timestamp":"2031-09-01T12:00:00.000Z",' +
      '"version":"1.0","withdrawal":{"url":"http://127.0.0.1:3000/api/consents/5b0a3e52-4a38-4b0e-9d51-3f3c8a0f2d11/withdraw"}}';
    expect(sealReceipt(fields).hash).toBe(createHash('sha256').update(canonical).digest('hex'));
  });

  it('does not depend on the order the fields were written in', () => {
    const reordered = Object.fromEntries(Object.entries(fields).reverse()) as unknown as ReceiptFields;
    expect(receiptHash(reordered)).toBe(receiptHash(fields));
  });

  it('verifies as sealed, and fails when any field changes', () => {
    const receipt = sealReceipt(fields);
    expect(verifyReceipt(receipt)).toBe(true);
    const tampered: ConsentReceipt[] = [
      { ...receipt, recordingIds: [...receipt.recordingIds, '00000000-0000-4000-8000-000000000000'] },
      { ...receipt, recipient: { ...receipt.recipient, name: 'Another agency' } },
      { ...receipt, retention: { days: 365 } },
      { ...receipt, dataCategories: ['video', 'identity'] },
      { ...receipt, timestamp: '2031-09-01T12:00:00.001Z' },
      { ...receipt, hash: receipt.hash.replace(/^./, (c) => (c === '0' ? '1' : '0')) },
    ];
    for (const changed of tampered) expect(verifyReceipt(changed)).toBe(false);
  });

  it('on withdrawal gains withdrawnAt and is sealed again, so both versions verify', () => {
    const given = sealReceipt(fields);
    const withdrawn = withdrawnReceipt(given, new Date('2031-09-02T08:30:00Z'));
    expect(withdrawn).toMatchObject({ ...fields, withdrawnAt: '2031-09-02T08:30:00.000Z' });
    expect(withdrawn.hash).not.toBe(given.hash);
    expect(verifyReceipt(withdrawn)).toBe(true);
    expect(verifyReceipt(given)).toBe(true);
  });
});

describe('what a share discloses, by the policy it was given under', () => {
  it('is the video alone under a pseudonym, and for any decline', () => {
    expect(disclosedCategories('share', 'pseudonym')).toEqual(['video']);
    for (const shownAs of ['pseudonym', 'name-and-email', 'identity'] as const) expect(disclosedCategories('decline', shownAs)).toEqual(['video']);
  });

  it('names the owner without placing them under name-and-email (ring-2025)', () => {
    const categories = disclosedCategories('share', 'name-and-email');
    expect(categories).toEqual(['video', 'contact']);
    expect([namesOwner(categories), placesOwner(categories)]).toEqual([true, false]);
  });

  it('names and places the owner under identity (ring-2021)', () => {
    const categories = disclosedCategories('share', 'identity');
    expect(categories).toEqual(['video', 'identity']);
    expect([namesOwner(categories), placesOwner(categories)]).toEqual([true, true]);
  });
});
