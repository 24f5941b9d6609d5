import { describe, expect, it } from '@jest/globals';
import { sealReceipt, withdrawnReceipt, type ReceiptFields } from '../../../../libs/consent/src/domain/consent-receipt.js';
import { receiptDigest, receiptVerifies } from './receipt-hash.js';

const fields: ReceiptFields = {
  receiptId: '7d4c5a8e-3f0b-4c1e-9a57-2b1f0e6c9d11',
  version: '1.0',
  timestamp: '2030-01-01T12:00:00.000Z',
  principal: 'owner:ab12',
  controller: { name: 'Porchlight', url: 'http://127.0.0.1:3000' },
  recipient: { agencyId: '0f5e2b9a-8c1d-4e3f-a2b7-6d9c0e1f2a3b', name: 'North Precinct — “Falls” PD' },
  purpose: { requestId: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f', incidentType: 'package-theft', caseNumber: 'PF-1' },
  legalBasis: 'consent',
  decision: 'share',
  dataCategories: ['video'],
  recordingIds: ['b', 'a'],
  retention: { days: 30 },
  withdrawal: { url: 'http://127.0.0.1:3000/api/consents/x/withdraw' },
  policy: { profile: 'ring-2019' },
};

describe('receipt verification in the browser', () => {
  it('computes the seal the api computes, withdrawn or not', async () => {
    const sealed = sealReceipt(fields);
    expect(await receiptDigest(sealed as never)).toBe(sealed.hash);
    const withdrawn = withdrawnReceipt(sealed, new Date('2030-01-02T00:00:00Z'));
    expect(await receiptVerifies(withdrawn as never)).toBe(true);
  });

  it('refuses a receipt changed after it was sealed', async () => {
    const sealed = sealReceipt(fields);
    expect(await receiptVerifies({ ...sealed, recordingIds: ['a'] } as never)).toBe(false);
    expect(await receiptVerifies({ ...sealed, dataCategories: ['video', 'identity'] } as never)).toBe(false);
  });
});
