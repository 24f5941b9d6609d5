import { describe, expect, it, jest } from '@jest/globals';
import { templateUrl } from '../../../test/support/test-database.js';
import { runScenario } from '../src/run/run-scenario.js';
import { parseScenario } from '../src/scenario/load-scenario.js';

/**
 * Six homes within 30 m of each other, every one with a camera from the start and an owner who
 * always shares, answering exactly an hour after being asked. Every incident is asked about an
 * hour after it happens (never in the last hours of a day, so the day ends with its requests
 * answered), over a circle that holds the whole street. So, with I incidents, the report's numbers
 * follow by hand: I requests, 6·I owners asked, all of them sharing after one hour, every case with
 * its footage.
 */
const HAND_COMPUTED_YAML = `name: hand-computed
title: Six homes, every answer known
question: Do the measures count what happened?
seed: 3
policy: ring-2019
start: 2031-05-01
durationDays: 30
town:
  center: { lat: 39.7392, lng: -104.9903 }
  sizeMeters: 200
  households: 6
  homePoints:
    - { lat: 39.7392, lng: -104.9903 }
    - { lat: 39.73935, lng: -104.9903 }
    - { lat: 39.73905, lng: -104.9903 }
    - { lat: 39.7392, lng: -104.99012 }
    - { lat: 39.7392, lng: -104.99048 }
    - { lat: 39.73935, lng: -104.99012 }
adoption: { initialShare: 1, finalShare: 1, midpointDay: 0 }
owners:
  alwaysShare: 1
  shareIfSerious: 0
  never: 0
  blocksPolice: 0
  endToEndEncryption: 0
  optedIn: 1
  answerProbability: 1
  responseDelayHours: { median: 1, sigma: 0 }
  withdrawProbability: 0
  privacyChangesPerYear: 0
agencies:
  - { name: Hand Police, kind: police, partnerSince: 2019-01-01, officers: 1 }
incidents:
  - type: burglary
    serious: true
    perThousandHouseholdsPerYear: 10000
    requestProbability: 1
    hourWeights: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0]
police:
  radiusMeters: { min: 150, max: 150 }
  windowHours: { before: 1, after: 0.5 }
  delayHours: { min: 1, max: 1 }
cameraSeesIncidentMeters: 100
`;

const HOMES = 6;

describe('a scenario whose numbers are known by hand', () => {
  jest.setTimeout(120_000);
  const scenario = parseScenario(HAND_COMPUTED_YAML, 'hand-computed.yaml');

  it.each(['ring-2019', 'ring-2021'] as const)('counts under %s exactly what happened', async (policy) => {
    const { report } = await runScenario(scenario, { policy, keep: false, templateUrl: templateUrl() });
    const incidents = report.incidents.total;
    // 60 incidents a year for six homes: about five in thirty days (this seed: three).
    expect(incidents).toBeGreaterThan(1);
    expect(report.requests).toMatchObject({ made: incidents, madeOnRetry: 0, refusedByRule: {}, gaveUp: 0 });
    // Answered, a request stays open until it expires (a week under both profiles).
    expect(Object.keys(report.requests.byStatus).filter((status) => status !== 'open' && status !== 'expired')).toEqual([]);
    expect((report.requests.byStatus.open ?? 0) + (report.requests.byStatus.expired ?? 0)).toBe(incidents);
    expect(report.owners).toMatchObject({
      asked: HOMES * incidents,
      excluded: { noRecordings: 0, blocked: 0, encrypted: 0, optInNotGiven: 0 },
      outcomes: { given: HOMES * incidents },
      consentRate: 1,
      refusalRate: 0,
      withdrawalRate: 0,
      answersTooLate: 0,
      hoursToFirstAnswer: { median: 1, p90: 1 },
      // ring-2021 names every owner who shares to police; ring-2019 shows a pseudonym.
      identitiesDisclosed: policy === 'ring-2021' ? HOMES * incidents : 0,
      shares: HOMES * incidents,
      noticesSent: HOMES * incidents,
      remindersSent: 0,
    });
    expect(report.footage).toMatchObject({ cases: incidents, casesWithFootage: incidents, hoursWithoutConsent: 0 });
    // Every camera's three-minute clip of every incident, at least (some motion around it may add more).
    expect(report.footage.hoursReachingPolice).toBeGreaterThanOrEqual((HOMES * incidents * 3) / 60 - 0.001);
    expect(report.cameras).toEqual({ atStart: HOMES, atEnd: HOMES, subsidised: 0 });
    expect(report.days.at(-1)).toMatchObject({ cameras: HOMES, requests: incidents });
  });
});
