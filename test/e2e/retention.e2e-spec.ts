import { RETENTION_PURGE_TASK, RetentionService } from '@app/cameras';
import { Clock, DueTaskRegistry } from '@app/clock';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { RecordingOwnerRetention1763901400000 } from '../../libs/database/src/migrations/1763901400000-recording-owner-retention.js';
import { adminToken, newCamera, newResident, type TestUser } from '../support/cameras-fixtures.js';
import { TEST_SANDBOX_KEY } from '../support/test-config.js';
import { useTestContext } from '../support/test-context.js';

const DAY = 86_400;
const HOME = { lat: 40.7128, lng: -74.006 };

describe('retention: recordings older than their owner’s retention are purged (invariant 8)', () => {
  // Hourly ticks: only the clock moves below run the purge, so the counts audited are exact.
  const ctx = useTestContext({ worker: true, env: { CLOCK_TICK_SECONDS: '3600' } });
  const START = new Date('2031-01-01T00:00:00Z');
  let admin: string;

  beforeAll(async () => {
    admin = await adminToken(ctx);
    await ctx.api.app.get(Clock).setNow(START);
  });

  /** A clip of `owner` that ended `daysAgo` days before START; returns its id. */
  const clip = async (owner: TestUser, camera: string, daysAgo: number): Promise<string> => {
    const endedAt = new Date(START.getTime() - daysAgo * DAY * 1000);
    const response = await ctx.api.request('POST', `/api/cameras/${camera}/recordings`, {
      token: owner.token,
      body: { startedAt: new Date(endedAt.getTime() - 30_000).toISOString(), endedAt: endedAt.toISOString(), trigger: 'motion' },
    });
    expect(response.status).toBe(201);
    return response.body.id;
  };
  const remaining = async (camera: string): Promise<string[]> =>
    (await ctx.dataSource.query('SELECT id FROM recording WHERE camera_id = $1 ORDER BY ended_at DESC', [camera])).map(
      (row: { id: string }) => row.id,
    );
  const purgeEvents = async (owner: TestUser) =>
    ctx.dataSource.query("SELECT actor, data FROM audit_event WHERE action = 'recordings.purged' AND subject = $1 ORDER BY seq", [
      `user:${owner.id}`,
    ]);
  const setRetention = async (owner: TestUser, retentionDays: number | null) =>
    expect((await ctx.api.request('PUT', '/api/me/privacy', { token: owner.token, body: { retentionDays } })).status).toBe(200);
  /** The copies of the owner's retention on the camera's recordings, newest first. */
  const retentionCopies = async (camera: string): Promise<(number | null)[]> =>
    (await ctx.dataSource.query('SELECT owner_retention_days FROM recording WHERE camera_id = $1 ORDER BY ended_at DESC', [camera])).map(
      (row: { owner_retention_days: number | null }) => row.owner_retention_days,
    );
  const advance = async (seconds: number) => {
    const response = await ctx.api.request('POST', '/api/sandbox/clock', {
      headers: { 'x-sandbox-key': TEST_SANDBOX_KEY },
      body: { advanceSeconds: seconds },
    });
    expect(response.body.status).toBe('ready');
  };

  it('is a due task of the worker', () => {
    expect(ctx.worker.get(DueTaskRegistry).names).toContain(RETENTION_PURGE_TASK);
  });

  it('advancing the sandbox clock purges by each owner’s retention, audits a count per owner, and purges nothing twice', async () => {
    const ann = await newResident(ctx); // never chose: the policy default (ring-2019: 60 days)
    const bob = await newResident(ctx);
    const carol = await newResident(ctx);
    await ctx.api.request('PUT', '/api/me/privacy', { token: bob.token, body: { retentionDays: 7 } });
    await ctx.api.request('PUT', '/api/me/privacy', { token: carol.token, body: { retentionDays: 180 } });
    const [annCam, bobCam, carolCam] = [await newCamera(ctx, ann, HOME), await newCamera(ctx, bob, HOME), await newCamera(ctx, carol, HOME)];
    const annClips = [await clip(ann, annCam, 1), await clip(ann, annCam, 40), await clip(ann, annCam, 59)];
    const bobClips = [await clip(bob, bobCam, 1), await clip(bob, bobCam, 10), await clip(bob, bobCam, 59)];
    const carolClips = [await clip(carol, carolCam, 1), await clip(carol, carolCam, 59)];

    await advance(2 * DAY);
    // Ann's 59-day-old clip is now 61 days old; Bob keeps only what is under 7 days old.
    expect(await remaining(annCam)).toEqual(annClips.slice(0, 2));
    expect(await remaining(bobCam)).toEqual(bobClips.slice(0, 1));
    expect(await remaining(carolCam)).toEqual(carolClips);
    expect(await purgeEvents(ann)).toEqual([{ actor: 'system', data: { count: 1, retentionDays: 60 } }]);
    expect(await purgeEvents(bob)).toEqual([{ actor: 'system', data: { count: 2, retentionDays: 7 } }]);
    expect(await purgeEvents(carol)).toEqual([]);

    await advance(60);
    expect(await purgeEvents(ann)).toHaveLength(1);
    expect(await purgeEvents(bob)).toHaveLength(1);

    // Ann never chose, so the opt-in profile's 30-day default now applies to her 42-day-old clip.
    await ctx.api.request('PUT', '/api/policy', { token: admin, body: { profile: 'privacy-by-design' } });
    await advance(60);
    expect(await remaining(annCam)).toEqual(annClips.slice(0, 1));
    expect(await purgeEvents(ann)).toEqual([
      { actor: 'system', data: { count: 1, retentionDays: 60 } },
      { actor: 'system', data: { count: 1, retentionDays: 30 } },
    ]);
    expect(await remaining(carolCam)).toEqual(carolClips);
    await ctx.api.request('PUT', '/api/policy', { token: admin, body: { profile: 'ring-2019' } });
  });

  it('applies a change of retention to the recordings the owner already has: longer keeps them, shorter purges them', async () => {
    const frank = await newResident(ctx);
    await setRetention(frank, 7);
    const camera = await newCamera(ctx, frank, HOME);
    const clips = [await clip(frank, camera, 1), await clip(frank, camera, 5)];
    expect(await retentionCopies(camera)).toEqual([7, 7]);

    await setRetention(frank, 180);
    expect(await retentionCopies(camera)).toEqual([180, 180]);
    await advance(3 * DAY); // the 5-day-old clip is 8 days old: past the 7 days it was recorded under
    expect(await remaining(camera)).toEqual(clips);

    await setRetention(frank, null); // back to the policy default (ring-2019: 60 days)
    expect(await retentionCopies(camera)).toEqual([null, null]);
    await advance(60);
    expect(await remaining(camera)).toEqual(clips);

    await setRetention(frank, 2); // both clips (4 and 8 days old) are now past it
    await advance(60);
    expect(await remaining(camera)).toEqual([]);
    expect((await purgeEvents(frank)).map((event: { data: unknown }) => event.data)).toEqual([{ count: 2, retentionDays: 2 }]);
  });

  it('the migration copies the retention of owners whose recordings existed before it', async () => {
    const gina = await newResident(ctx);
    const camera = await newCamera(ctx, gina, HOME);
    await clip(gina, camera, 1);
    await setRetention(gina, 90);
    const runner = ctx.dataSource.createQueryRunner();
    try {
      const migration = new RecordingOwnerRetention1763901400000();
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    expect(await retentionCopies(camera)).toEqual([90]);
    // Every recording's copy equals its owner's choice (NULL where the owner never chose).
    const [{ mismatches }] = await ctx.dataSource.query(
      `SELECT count(*)::int AS mismatches FROM recording
       JOIN camera ON camera.id = recording.camera_id LEFT JOIN privacy_setting setting ON setting.user_id = camera.owner_id
       WHERE recording.owner_retention_days IS DISTINCT FROM setting.retention_days`,
    );
    expect(mismatches).toBe(0);
  });

  it('keeps a clip that ended exactly the retention ago and purges one a millisecond older', async () => {
    const dave = await newResident(ctx);
    await ctx.api.request('PUT', '/api/me/privacy', { token: dave.token, body: { retentionDays: 180 } });
    const camera = await newCamera(ctx, dave, HOME);
    // 180 days of retention keep both clips safe from the worker's own ticks meanwhile.
    const endedAt = new Date((await ctx.api.app.get(Clock).now()).getTime() - DAY * 1000);
    const record = async (end: Date) => {
      const body = { startedAt: new Date(end.getTime() - 30_000).toISOString(), endedAt: end.toISOString(), trigger: 'ring' };
      const response = await ctx.api.request('POST', `/api/cameras/${camera}/recordings`, { token: dave.token, body });
      expect(response.status).toBe(201);
      return response.body.id as string;
    };
    const exactly = await record(endedAt);
    await record(new Date(endedAt.getTime() - 1));
    const purged = await ctx.api.app.get(RetentionService).purgeDue(new Date(endedAt.getTime() + 180 * DAY * 1000));
    expect(purged.filter((entry) => entry.ownerId === dave.id)).toEqual([{ ownerId: dave.id, retentionDays: 180, count: 1 }]);
    expect(await remaining(camera)).toEqual([exactly]);
  });
});
