import { describe, expect, it } from '@jest/globals';
import { audienceOf, standingOf, type CameraInArea } from './audience.js';

// What an owner who never chose gets under an opt-out and an opt-in policy.
const optOut = 'receive';
const optIn = 'block';

const camera = (cameraId: string, ownerId: string, ownerPoliceRequests: CameraInArea['ownerPoliceRequests'], ownerE2ee = false): CameraInArea => ({
  cameraId,
  ownerId,
  ownerPoliceRequests,
  ownerE2ee,
});

describe('an owner’s standing towards a request', () => {
  it.each([
    [null, false, optOut, 'receives'],
    [null, false, optIn, 'opt-in-not-given'],
    ['receive', false, optOut, 'receives'],
    ['receive', false, optIn, 'receives'],
    ['block', false, optOut, 'blocked'],
    ['block', false, optIn, 'blocked'],
  ] as const)('choice %s, e2ee %s, never-chose gets %s → %s', (choice, e2ee, policy, standing) => {
    expect(standingOf({ ownerPoliceRequests: choice, ownerE2ee: e2ee }, policy)).toBe(standing);
  });

  it.each([null, 'receive', 'block'] as const)('end-to-end encryption wins over the choice %s under either default', (choice) => {
    expect(standingOf({ ownerPoliceRequests: choice, ownerE2ee: true }, optOut)).toBe('encrypted');
    expect(standingOf({ ownerPoliceRequests: choice, ownerE2ee: true }, optIn)).toBe('encrypted');
  });
});

describe('the audience of a request', () => {
  const cameras = [
    camera('c1', 'receiver', 'receive'),
    camera('c2', 'receiver', 'receive'),
    camera('c3', 'never-chose', null),
    camera('c4', 'blocker', 'block'),
    camera('c5', 'blocker', 'block'),
    camera('c6', 'encrypter', 'receive', true),
  ];

  it('keeps every camera of each receiving owner and counts each excluded owner once', () => {
    expect(audienceOf(cameras, optOut)).toEqual({
      receiving: [
        { cameraId: 'c1', ownerId: 'receiver' },
        { cameraId: 'c2', ownerId: 'receiver' },
        { cameraId: 'c3', ownerId: 'never-chose' },
      ],
      excluded: { blocked: 1, encrypted: 1, optInNotGiven: 0 },
    });
  });

  it('under an opt-in policy leaves out the owners who never chose, counted apart', () => {
    expect(audienceOf(cameras, optIn)).toEqual({
      receiving: [
        { cameraId: 'c1', ownerId: 'receiver' },
        { cameraId: 'c2', ownerId: 'receiver' },
      ],
      excluded: { blocked: 1, encrypted: 1, optInNotGiven: 1 },
    });
  });

  it('is empty for an empty area', () => {
    expect(audienceOf([], optOut)).toEqual({ receiving: [], excluded: { blocked: 0, encrypted: 0, optInNotGiven: 0 } });
  });
});
