import { Clock } from '@app/clock';
import { RetentionService } from '@app/cameras';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { type TestUser } from '../support/cameras-fixtures.js';
import { CONSENT_NOW, consentWorld, newNeighbor, newRequest, respond } from '../support/consent-fixtures.js';
import { DAY, setPrivacy } from '../support/requests-fixtures.js';
import { useTestContext } from '../support/test-context.js';

describe('shared evidence follows the receipt’s retention, not the owner’s (invariant 8)', () => {
  const ctx = useTestContext();
  let officer: TestUser;
  const exists = async (id: string) => (await ctx.dataSource.query('SELECT 1 FROM recording WHERE id = $1', [id])).length === 1;
  const purgeAt = (at: Date) => ctx.api.app.get(RetentionService).purgeDue(at);

  beforeAll(async () => {
    ({ officer } = await consentWorld(ctx));
  });

  it('keeps a shared clip past the owner’s 7 days until the receipt’s 60 days, purges the unshared one on time, and lets a withdrawal end the hold', async () => {
    const ann = await newNeighbor(ctx, 2);
    const bob = await newNeighbor(ctx, 1, 30);
    await setPrivacy(ctx, ann, { retentionDays: 7 });
    await setPrivacy(ctx, bob, { retentionDays: 7 });
    const requestId = await newRequest(ctx, officer);
    const [sharedClip, keptBack] = ann.recordingIds as [string, string];
    expect((await respond(ctx, ann, requestId, { decision: 'share', recordingIds: [sharedClip] })).status).toBe(201);
    const bobReceipt = (await respond(ctx, bob, requestId, { decision: 'share' })).body;

    await purgeAt(new Date(CONSENT_NOW.getTime() + 8 * DAY));
    expect(await exists(keptBack)).toBe(false);
    expect(await exists(sharedClip)).toBe(true);
    expect(await exists(bob.recordingIds[0]!)).toBe(true);

    await ctx.api.app.get(Clock).setNow(new Date(CONSENT_NOW.getTime() + 9 * DAY));
    expect((await ctx.api.request('POST', `/api/consents/${bobReceipt.receiptId}/withdraw`, { token: bob.token })).status).toBe(200);
    await purgeAt(new Date(CONSENT_NOW.getTime() + 10 * DAY));
    expect(await exists(bob.recordingIds[0]!)).toBe(false);
    expect(await exists(sharedClip)).toBe(true);

    await purgeAt(new Date(CONSENT_NOW.getTime() + 61 * DAY));
    expect(await exists(sharedClip)).toBe(false);
  });
});
