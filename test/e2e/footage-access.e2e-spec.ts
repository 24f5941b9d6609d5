import { randomUUID } from 'node:crypto';
import { Clock } from '@app/clock';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { ConsentCameraPlace1763901300000 } from '../../libs/database/src/migrations/1763901300000-consent-camera-place.js';
import { adminToken, newOfficer, type TestUser } from '../support/cameras-fixtures.js';
import {
  agencyIdOf,
  CENTER,
  CONSENT_NOW,
  consentWorld,
  newNeighbor,
  newRequest,
  respond,
  shownToPoliceAs,
  type Neighbor,
} from '../support/consent-fixtures.js';
import { clip, DAY, HOUR, north, usePolicy } from '../support/requests-fixtures.js';
import { useTestContext } from '../support/test-context.js';

interface Owner {
  pseudonym: string;
  name?: string;
  email?: string;
  sharedAt: string;
  recordings: { id: string; startedAt: string; endedAt: string; trigger: string; camera?: { label: string; location: { lat: number; lng: number } } }[];
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** Every string, number and boolean in a JSON value. */
const leaves = (value: unknown): unknown[] =>
  value !== null && typeof value === 'object' ? Object.values(value).flatMap(leaves) : [value];

describe('police reach exactly the shared recordings, only while consent and retention last (invariants 3, 4, 8)', () => {
  const ctx = useTestContext();
  let admin: string;
  let officer: TestUser;
  let otherAgency: TestUser;
  let alice: Neighbor;
  let bruno: Neighbor;
  let dora: Neighbor;
  let ezra: Neighbor;
  /** A clip of Alice's camera outside every request's window: never offered. */
  let aliceUnoffered: string;

  const footage = (requestId: string, token = officer.token) =>
    ctx.api.request<{ requestId: string; owners: Owner[] }>('GET', `/api/portal/requests/${requestId}/footage`, { token });
  const one = (requestId: string, recordingId: string, token = officer.token) =>
    ctx.api.request('GET', `/api/portal/requests/${requestId}/footage/${recordingId}`, { token });
  const share = async (owner: Neighbor, requestId: string, recordingIds?: string[]) => {
    const response = await respond(ctx, owner, requestId, recordingIds ? { decision: 'share', recordingIds } : { decision: 'share' });
    expect(response.status).toBe(201);
    return response.body as { receiptId: string; recordingIds: string[]; retention: { days: number } };
  };
  const decline = async (owner: Neighbor, requestId: string) => expect((await respond(ctx, owner, requestId, { decision: 'decline' })).status).toBe(201);
  const ownerEntry = async (owners: Owner[], owner: Neighbor, requestId: string) => {
    const pseudonym = await shownToPoliceAs(ctx, owner, requestId);
    return owners.find((entry) => entry.pseudonym === pseudonym);
  };
  const views = (requestId: string) =>
    ctx.dataSource.query(`SELECT actor, subject, data FROM audit_event WHERE action = 'footage.viewed' AND data->>'requestId' = $1 ORDER BY seq`, [requestId]) as Promise<
      { actor: string; subject: string; data: Record<string, unknown> }[]
    >;
  const expectNotFound = (response: { status: number; body: unknown }, code = 'RECORDING_NOT_FOUND') =>
    expect({ status: response.status, code: (response.body as { code?: string }).code }).toEqual({ status: 404, code });

  beforeAll(async () => {
    admin = await adminToken(ctx);
    await usePolicy(ctx, admin, { profile: 'ring-2019' });
    ({ officer } = await consentWorld(ctx));
    otherAgency = await newOfficer(ctx);
    alice = await newNeighbor(ctx, 3, 0, 'Alice Marlow');
    bruno = await newNeighbor(ctx, 2, 60, 'Bruno Keel');
    dora = await newNeighbor(ctx, 1, -60, 'Dora Finch');
    ezra = await newNeighbor(ctx, 1, 120, 'Ezra Pond');
    const before = new Date(CONSENT_NOW.getTime() - 5 * HOUR);
    aliceUnoffered = await clip(ctx, alice, alice.cameraId, before, new Date(before.getTime() + 5 * 60_000));
  });

  it('lists only the recordings each owner chose; decliners and owners who have not answered are absent', async () => {
    const requestId = await newRequest(ctx, officer);
    const [chosen0, unchosen, chosen2] = alice.recordingIds as [string, string, string];
    expect((await share(alice, requestId, [chosen2, chosen0])).recordingIds).toEqual([chosen0, chosen2]);
    await share(bruno, requestId);
    await decline(dora, requestId);

    const response = await footage(requestId);
    expect(response.status).toBe(200);
    expect(response.body.requestId).toBe(requestId);
    expect(response.body.owners).toHaveLength(2);
    expect((await ownerEntry(response.body.owners, alice, requestId))!.recordings.map((r) => r.id)).toEqual([chosen0, chosen2]);
    expect((await ownerEntry(response.body.owners, bruno, requestId))!.recordings.map((r) => r.id)).toEqual(bruno.recordingIds);
    expect(await ownerEntry(response.body.owners, dora, requestId)).toBeUndefined();
    expect(await ownerEntry(response.body.owners, ezra, requestId)).toBeUndefined();
    const listed = response.body.owners.flatMap((owner) => owner.recordings.map((r) => r.id));
    expect(listed).not.toContain(unchosen);
    expect(listed).not.toContain(aliceUnoffered);

    const direct = await one(requestId, chosen2);
    expect(direct.status).toBe(200);
    expect(direct.body.pseudonym).toBe(await shownToPoliceAs(ctx, alice, requestId));
    expect(direct.body.recordings.map((r: { id: string }) => r.id)).toEqual([chosen2]);
  });

  it('answers 404 for every recording not shared for the request: unchosen, unoffered, declined, unanswered, unknown; 400 for a bad id', async () => {
    const requestId = await newRequest(ctx, officer);
    await share(alice, requestId, [alice.recordingIds[0]!]);
    await decline(dora, requestId);
    for (const recordingId of [alice.recordingIds[1]!, alice.recordingIds[2]!, aliceUnoffered, dora.recordingIds[0]!, ezra.recordingIds[0]!, randomUUID()]) {
      expectNotFound(await one(requestId, recordingId));
    }
    expect((await one(requestId, 'not-a-uuid')).status).toBe(400);
    expect((await one(requestId, alice.recordingIds[0]!)).status).toBe(200);
  });

  it('does not carry a recording shared for one request over to another request of the same agency', async () => {
    const first = await newRequest(ctx, officer);
    const second = await newRequest(ctx, officer);
    const [forFirst, forSecond] = alice.recordingIds as [string, string];
    await share(alice, first, [forFirst]);
    await share(alice, second, [forSecond]);

    expectNotFound(await one(second, forFirst));
    expectNotFound(await one(first, forSecond));
    expect((await one(second, forSecond)).status).toBe(200);
    const listed = (await footage(second)).body.owners.flatMap((owner) => owner.recordings.map((r) => r.id));
    expect(listed).toEqual([forSecond]);
  });

  it('hides the request and its footage from another agency (404 on both routes, nothing audited for it)', async () => {
    const requestId = await newRequest(ctx, officer);
    await share(alice, requestId);
    expectNotFound(await footage(requestId, otherAgency.token), 'REQUEST_NOT_FOUND');
    expectNotFound(await one(requestId, alice.recordingIds[0]!, otherAgency.token), 'REQUEST_NOT_FOUND');
    expect(await views(requestId)).toEqual([]);
  });

  it('under ring-2019 shows a sharing owner only as the per-request "Neighbor #n": no name, email or camera place', async () => {
    const requestId = await newRequest(ctx, officer);
    await share(alice, requestId);
    await share(bruno, requestId);
    const [recipient] = await ctx.dataSource.query('SELECT pseudonym_number FROM request_recipient WHERE request_id = $1 AND owner_id = $2', [requestId, alice.id]);

    const list = await footage(requestId);
    const entry = await ownerEntry(list.body.owners, alice, requestId);
    expect(entry!.pseudonym).toBe(`Neighbor #${recipient.pseudonym_number}`);
    expect(Object.keys(entry!).sort()).toEqual(['pseudonym', 'recordings', 'sharedAt']);
    expect(entry!.recordings.every((recording) => recording.camera === undefined)).toBe(true);
    const direct = await one(requestId, alice.recordingIds[0]!);
    expect(direct.body.pseudonym).toBe(entry!.pseudonym);

    for (const text of [JSON.stringify(list.body), JSON.stringify(direct.body)]) {
      for (const owner of [alice, bruno]) {
        expect(text).not.toContain(owner.email);
        expect(text).not.toContain(owner.displayName);
        expect(text).not.toContain(owner.id);
        expect(text).not.toContain(owner.cameraId);
      }
      expect(text).not.toMatch(/"(location|lat|lng|camera|name|email)"/);
    }
    // No coordinate in any form: no number at all, and no string but timestamps with a decimal in it.
    for (const leaf of [...leaves(list.body), ...leaves(direct.body)]) {
      expect(typeof leaf).not.toBe('number');
      if (typeof leaf === 'string' && !ISO_INSTANT.test(leaf)) expect(leaf).not.toMatch(/\d\.\d/);
    }
  });

  it('does not reveal identity when the policy switches to ring-2021 after a pseudonymous share', async () => {
    const requestId = await newRequest(ctx, officer);
    const receipt = await share(alice, requestId);
    await usePolicy(ctx, admin, { profile: 'ring-2021' });
    try {
      const response = await footage(requestId);
      const entry = await ownerEntry(response.body.owners, alice, requestId);
      expect(entry).toBeDefined();
      expect(entry!.name).toBeUndefined();
      expect(entry!.email).toBeUndefined();
      expect(entry!.recordings.every((recording) => recording.camera === undefined)).toBe(true);
      expect(JSON.stringify(response.body)).not.toContain(alice.email);
      expect((await ctx.api.request('GET', `/api/consents/${receipt.receiptId}/receipt`, { token: alice.token })).body.dataCategories).toEqual(['video']);
    } finally {
      await usePolicy(ctx, admin, { profile: 'ring-2019' });
    }
  });

  it('under ring-2021 (in force when the owner shares) shows police the owner’s name, email and camera location', async () => {
    const madeUnder2019 = await newRequest(ctx, officer);
    await usePolicy(ctx, admin, { profile: 'ring-2021' });
    try {
      const madeUnder2021 = await newRequest(ctx, officer);
      for (const requestId of [madeUnder2021, madeUnder2019]) {
        const receipt = await share(bruno, requestId);
        expect((await ctx.api.request('GET', `/api/consents/${receipt.receiptId}/receipt`, { token: bruno.token })).body.dataCategories).toEqual(['video', 'identity']);
        const response = await footage(requestId);
        expect(response.status).toBe(200);
        const entry = await ownerEntry(response.body.owners, bruno, requestId);
        expect(entry).toMatchObject({ name: 'Bruno Keel', email: bruno.email });
        expect(entry!.recordings.map((r) => r.id)).toEqual(bruno.recordingIds);
        const place = north(CENTER, 60);
        for (const recording of entry!.recordings) {
          expect(recording.camera!.label).toBe('Porch');
          expect(recording.camera!.location.lat).toBeCloseTo(place.lat, 6);
          expect(recording.camera!.location.lng).toBeCloseTo(place.lng, 6);
        }
        expect((await one(requestId, bruno.recordingIds[0]!)).body).toMatchObject({ name: 'Bruno Keel', email: bruno.email });
      }
    } finally {
      await usePolicy(ctx, admin, { profile: 'ring-2019' });
    }
  });

  it('keeps the camera’s label and place as they were when the owner shared, wherever the camera moves later', async () => {
    const finn = await newNeighbor(ctx, 1, 30, 'Finn Hale');
    const pseudonymous = await newRequest(ctx, officer);
    await share(finn, pseudonymous);
    await usePolicy(ctx, admin, { profile: 'ring-2021' });
    try {
      const disclosed = await newRequest(ctx, officer);
      await share(finn, disclosed);
      const moved = { label: 'Garage', location: north(CENTER, 400) };
      expect((await ctx.api.request('PATCH', `/api/cameras/${finn.cameraId}`, { token: finn.token, body: moved })).status).toBe(200);

      const entry = await ownerEntry((await footage(disclosed)).body.owners, finn, disclosed);
      const place = north(CENTER, 30);
      expect(entry!.recordings).toHaveLength(1);
      expect(entry!.recordings[0]!.camera!.label).toBe('Porch');
      expect(entry!.recordings[0]!.camera!.location.lat).toBeCloseTo(place.lat, 6);
      expect(entry!.recordings[0]!.camera!.location.lng).toBeCloseTo(place.lng, 6);
      // A pseudonymous share keeps no place at all, so none can leak later.
      const kept = 'SELECT request_id, camera_label, camera_location IS NOT NULL AS placed FROM consent_recording WHERE owner_id = $1 ORDER BY request_id = $2';
      expect(await ctx.dataSource.query(kept, [finn.id, disclosed])).toEqual([
        { request_id: pseudonymous, camera_label: null, placed: false },
        { request_id: disclosed, camera_label: 'Porch', placed: true },
      ]);
      // Shares made before the migration get the place the camera has when it runs, the best left.
      const runner = ctx.dataSource.createQueryRunner();
      try {
        const migration = new ConsentCameraPlace1763901300000();
        await migration.down(runner);
        await migration.up(runner);
      } finally {
        await runner.release();
      }
      expect(await ctx.dataSource.query(kept, [finn.id, disclosed])).toEqual([
        { request_id: pseudonymous, camera_label: null, placed: false },
        { request_id: disclosed, camera_label: 'Garage', placed: true },
      ]);
    } finally {
      await usePolicy(ctx, admin, { profile: 'ring-2019' });
    }
  });

  it('audits every look: one footage.viewed per owner listed per call, naming the recordings that officer saw', async () => {
    const requestId = await newRequest(ctx, officer);
    const agencyId = await agencyIdOf(ctx, officer);
    const [{ case_number: caseNumber }] = await ctx.dataSource.query('SELECT case_number FROM footage_request WHERE id = $1', [requestId]);
    await share(alice, requestId, [alice.recordingIds[1]!]);
    await share(bruno, requestId);
    await decline(dora, requestId);
    const event = (owner: Neighbor, recordingIds: string[]) => ({
      actor: `user:${officer.id}`,
      subject: `user:${owner.id}`,
      data: { requestId, agencyId, caseNumber, incidentType: 'package-theft', recordingIds },
    });

    await footage(requestId);
    const afterList = await views(requestId);
    expect(afterList).toHaveLength(2);
    expect(afterList).toEqual(expect.arrayContaining([event(alice, [alice.recordingIds[1]!]), event(bruno, bruno.recordingIds)]));

    await one(requestId, bruno.recordingIds[1]!);
    expect((await views(requestId)).slice(2)).toEqual([event(bruno, [bruno.recordingIds[1]!])]);
    expectNotFound(await one(requestId, dora.recordingIds[0]!));
    await footage(requestId);
    expect(await views(requestId)).toHaveLength(5);
  });

  it('cuts police access the moment consent is withdrawn, while the audit log keeps what was already viewed', async () => {
    const requestId = await newRequest(ctx, officer);
    const receipt = await share(alice, requestId);
    await share(bruno, requestId);
    expect(await ownerEntry((await footage(requestId)).body.owners, alice, requestId)).toBeDefined();
    expect((await one(requestId, alice.recordingIds[0]!)).status).toBe(200);
    const aliceViews = (await views(requestId)).filter((view) => view.subject === `user:${alice.id}`);
    expect(aliceViews).toHaveLength(2);

    const withdrawn = await ctx.api.request('POST', `/api/consents/${receipt.receiptId}/withdraw`, { token: alice.token });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.withdrawnAt).toEqual(expect.any(String));

    const after = await footage(requestId);
    expect(after.status).toBe(200);
    expect(after.body.owners).toHaveLength(1);
    expect(await ownerEntry(after.body.owners, alice, requestId)).toBeUndefined();
    expect(await ownerEntry(after.body.owners, bruno, requestId)).toBeDefined();
    for (const recordingId of alice.recordingIds) expectNotFound(await one(requestId, recordingId));
    expect((await views(requestId)).filter((view) => view.subject === `user:${alice.id}`)).toEqual(aliceViews);
    expect(await ctx.dataSource.query(`SELECT actor FROM audit_event WHERE action = 'consent.withdrawn' AND subject = $1`, [`consent:${receipt.receiptId}`])).toEqual([
      { actor: `user:${alice.id}` },
    ]);
  });

  // Moves the clock forward: keep it last in this file.
  it('keeps shared evidence reachable only for the receipt’s retention (60 days under ring-2019)', async () => {
    const requestId = await newRequest(ctx, officer);
    expect((await share(alice, requestId, [alice.recordingIds[0]!])).retention).toEqual({ days: 60 });
    expect((await footage(requestId)).body.owners).toHaveLength(1);

    const clock = ctx.api.app.get(Clock);
    await clock.setNow(new Date(CONSENT_NOW.getTime() + 59 * DAY));
    expect((await footage(requestId)).body.owners).toHaveLength(1);

    await clock.setNow(new Date(CONSENT_NOW.getTime() + 61 * DAY));
    const response = await footage(requestId);
    expect(response.status).toBe(200);
    expect(response.body.owners).toEqual([]);
    expectNotFound(await one(requestId, alice.recordingIds[0]!));
  });
});
