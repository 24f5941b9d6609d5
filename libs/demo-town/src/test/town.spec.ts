import { describe, expect, it } from '@jest/globals';
import { distanceMeters } from '@app/geo';
import { planTown, townMap } from '../town.js';

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

describe('the demo town map (what the console draws without tiles)', () => {
  const { center, bbox, streets } = townMap();
  const [west, south, east, north] = bbox;
  const eastWest = streets.filter(({ axis }) => axis === 'east-west').map(({ line }) => line);
  const northSouth = streets.filter(({ axis }) => axis === 'north-south').map(({ line }) => line);

  it('is a 2.4 km square around the centre, crossed by a street every 150 m each way, edge to edge', () => {
    expect(center.lng).toBeGreaterThan(west);
    expect(center.lng).toBeLessThan(east);
    expect(center.lat).toBeGreaterThan(south);
    expect(center.lat).toBeLessThan(north);
    expect(distanceMeters({ lat: south, lng: center.lng }, { lat: north, lng: center.lng })).toBeCloseTo(2400, -1);
    expect(distanceMeters({ lat: center.lat, lng: west }, { lat: center.lat, lng: east })).toBeCloseTo(2400, -1);
    expect([eastWest.length, northSouth.length]).toEqual([17, 17]);
    expect(streets.every(({ line }) => line.type === 'LineString' && line.coordinates.length === 2)).toBe(true);
    for (const { coordinates: [from, to] } of eastWest) expect([from, to]).toEqual([[west, from![1]], [east, from![1]]]);
    for (const { coordinates: [from, to] } of northSouth) expect([from, to]).toEqual([[from![0], south], [from![0], north]]);
    const lats = eastWest.map(({ coordinates }) => coordinates[0]![1]);
    expect(lats[0]).toBe(south);
    expect(lats.at(-1)).toBe(north);
    for (const [index, lat] of lats.slice(1).entries()) {
      expect(distanceMeters({ lat: lats[index]!, lng: center.lng }, { lat, lng: center.lng })).toBeCloseTo(150, 0);
    }
  });

  it('draws the streets the households live along: every camera is within a setback of one', () => {
    const setbackMeters = 25 + 6 * Math.SQRT2;
    for (const { location } of planTown({ now }).households.flatMap((household) => household.cameras)) {
      const toStreet = Math.min(
        ...eastWest.map(({ coordinates }) => distanceMeters(location, { lat: coordinates[0]![1], lng: location.lng })),
        ...northSouth.map(({ coordinates }) => distanceMeters(location, { lat: location.lat, lng: coordinates[0]![0] })),
      );
      expect(toStreet).toBeLessThanOrEqual(setbackMeters);
    }
  });
});
