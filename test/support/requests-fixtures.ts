import { expect } from '@jest/globals';
import type { TestUser } from './cameras-fixtures.js';
import type { TestContext } from './test-context.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A clip of `camera` from `start` to `end`; returns its id. */
export async function clip(ctx: TestContext, owner: TestUser, camera: string, start: Date, end: Date): Promise<string> {
  const response = await ctx.api.request('POST', `/api/cameras/${camera}/recordings`, {
    token: owner.token,
    body: { startedAt: start.toISOString(), endedAt: end.toISOString(), trigger: 'motion' },
  });
  expect(response.status).toBe(201);
  return response.body.id;
}

export async function setPrivacy(ctx: TestContext, owner: TestUser, body: Record<string, unknown>): Promise<void> {
  expect((await ctx.api.request('PUT', '/api/me/privacy', { token: owner.token, body })).status).toBe(200);
}

export async function usePolicy(ctx: TestContext, admin: string, body: Record<string, unknown>): Promise<void> {
  expect((await ctx.api.request('PUT', '/api/policy', { token: admin, body })).status).toBe(200);
}

/** `lat` offset of about `meters` north (1° of latitude ≈ 111.03 km at 40.7° N). */
export const north = (point: { lat: number; lng: number }, meters: number) => ({ lat: point.lat + meters / 111_030, lng: point.lng });
