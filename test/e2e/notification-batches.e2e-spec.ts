import { beforeAll, describe, expect, it } from '@jest/globals';
import { batchRanges } from '../../libs/notifications/src/domain/notification-specs.js';
import { NotificationsRepository } from '../../libs/notifications/src/notifications.repository.js';
import { type TestUser } from '../support/cameras-fixtures.js';
import { consentWorld, newNeighbor, newRequest } from '../support/consent-fixtures.js';
import { useTestContext } from '../support/test-context.js';

describe('fan-out batches: every owner asked in exactly one batch, and no empty batch', () => {
  const ctx = useTestContext();
  let officer: TestUser;
  let requestId: string;
  let agencyId: string;
  const owners: string[] = [];

  beforeAll(async () => {
    ({ officer } = await consentWorld(ctx));
    for (let i = 0; i < 6; i++) owners.push((await newNeighbor(ctx, 1, i * 10)).id);
    requestId = await newRequest(ctx, officer);
    agencyId = (await ctx.dataSource.query('SELECT agency_id FROM footage_request WHERE id = $1', [requestId]))[0].agency_id;
  });

  it.each([
    [2, 3],
    [3, 2],
    [4, 2],
    [6, 1],
    [1000, 1],
  ])('with batches of %i, six owners make %i ranges that together hold each owner once', async (size, ranges) => {
    const repository = ctx.api.app.get(NotificationsRepository);
    const { total, boundaries } = await repository.batchBoundaries(ctx.dataSource.manager, 'recipients', requestId, agencyId, null, size);
    expect(total).toBe(6);
    const planned = batchRanges(boundaries);
    expect(planned).toHaveLength(ranges);
    const sorted = [...owners].sort();
    const inRange = planned.map(({ after, upTo }) => sorted.filter((id) => (after === null || id > after) && (upTo === null || id <= upTo)));
    expect(inRange.flat()).toEqual(sorted);
    expect(inRange.every((batch) => batch.length > 0 && batch.length <= size)).toBe(true);
  });

  it('counts an empty audience as empty, so no batch is planned for it', async () => {
    const repository = ctx.api.app.get(NotificationsRepository);
    expect(await repository.batchBoundaries(ctx.dataSource.manager, 'unanswered', '00000000-0000-4000-8000-000000000000', agencyId, null, 2)).toEqual({
      total: 0,
      boundaries: [],
    });
  });
});
