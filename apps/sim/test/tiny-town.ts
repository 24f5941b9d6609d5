import { parseScenario } from '../src/scenario/load-scenario.js';
import type { Scenario } from '../src/scenario/scenario.schema.js';

/** A small town for tests: a few hundred households, a couple of weeks, incidents often enough to ask owners. */
export const TINY_TOWN_YAML = `name: tiny-town
title: Tiny town
question: Does the simulator run?
seed: 7
policy: ring-2019
start: 2031-03-01
durationDays: 12
town:
  center: { lat: 39.7392, lng: -104.9903 }
  sizeMeters: 900
  blockMeters: 150
  households: 300
adoption: { initialShare: 0.4, finalShare: 0.6, midpointDay: 6, steepnessPerDay: 0.5 }
owners:
  alwaysShare: 0.3
  shareIfSerious: 0.3
  never: 0.2
  blocksPolice: 0.1
  endToEndEncryption: 0.1
  optedIn: 0.3
  answerProbability: 0.8
  responseDelayHours: { median: 4, sigma: 1 }
  withdrawProbability: 0.2
  privacyChangesPerYear: 1
agencies:
  - { name: Tiny Police, kind: police, partnerSince: 2019-08-01, officers: 2 }
incidents:
  - { type: burglary, serious: true, perThousandHouseholdsPerYear: 400, requestProbability: 0.9 }
  - { type: package-theft, serious: false, perThousandHouseholdsPerYear: 300, requestProbability: 0.6 }
feed:
  postsPerThousandHouseholdsPerDay: 20
  raceOnlyShare: 0.3
  readersPerPost: 10
  reportProbability: 0.3
  moderationDelayHours: 12
police:
  radiusMeters: { min: 200, max: 450 }
  windowHours: { before: 2, after: 1 }
  delayHours: { min: 1, max: 12 }
  retryAfterRefusal: 1
`;

export const tinyTown = (): Scenario => parseScenario(TINY_TOWN_YAML, 'tiny-town.yaml');
