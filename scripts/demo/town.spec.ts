import { describe, expect, it } from '@jest/globals';
import { planTown } from './town.js';

const now = new Date('2026-11-23T12:00:00Z');

describe('the demo town', () => {
  it('is the same town for the same seed, and another for another seed', () => {
    expect(planTown({ now })).toEqual(planTown({ now }));
    expect(planTown({ now, seed: 7 })).not.toEqual(planTown({ now }));
  });

  it('has a few hundred households, most with cameras, each clip at most 2 minutes and in the past', () => {
    const { households } = planTown({ now });
    expect(households).toHaveLength(300);
    const cameras = households.flatMap((household) => household.cameras);
    expect(cameras.length).toBeGreaterThan(200);
    for (const clip of cameras.flatMap((camera) => camera.recordings)) {
      const seconds = (Date.parse(clip.endedAt) - Date.parse(clip.startedAt)) / 1000;
      expect(seconds).toBeGreaterThan(0);
      expect(seconds).toBeLessThanOrEqual(120);
      expect(Date.parse(clip.endedAt)).toBeLessThanOrEqual(now.getTime());
    }
  });

  it('puts every camera inside the sheriff\'s jurisdiction and mixes owners\' privacy choices', () => {
    const { agencies, households } = planTown({ now });
    const ring = agencies.find((agency) => agency.kind === 'sheriff')!.jurisdiction.coordinates[0]!;
    const lngs = ring.map(([lng]) => lng!);
    const lats = ring.map(([, lat]) => lat!);
    for (const camera of households.flatMap((household) => household.cameras)) {
      expect(camera.location.lng).toBeGreaterThan(Math.min(...lngs));
      expect(camera.location.lng).toBeLessThan(Math.max(...lngs));
      expect(camera.location.lat).toBeGreaterThan(Math.min(...lats));
      expect(camera.location.lat).toBeLessThan(Math.max(...lats));
    }
    const choices = new Set(households.map((household) => household.privacy.policeRequests));
    expect(choices).toEqual(new Set([null, 'receive', 'block']));
    expect(households.some((household) => household.privacy.endToEndEncryption)).toBe(true);
  });
});
