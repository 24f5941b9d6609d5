import type { RunReport } from '../src/report/measures.js';

/** A small, hand-made report: what the charts and tables are drawn from, without running a town. */
export function sampleReport(policy: string, footage: { hoursWithoutConsent: number; casesWithFootage: number }): RunReport {
  return {
    scenario: { name: 'sample', title: 'Sample', question: 'What do the charts show?', seed: 1, policy, start: '2031-03-01', durationDays: 2, households: 10 },
    incidents: { total: 3, byType: { burglary: 3 }, byNeighbourhood: [{ cell: '8826c87291fffff', per30Days: [3] }] },
    requests: { made: 2, madeOnRetry: 0, notYetPartner: 0, refusedByRule: {}, retriedWithinRule: 0, gaveUp: 0, reviewsApproved: 0, reviewsRefused: 0, byStatus: { open: 2 } },
    owners: {
      asked: 8,
      excluded: { noRecordings: 3, blocked: 1, encrypted: 1, optInNotGiven: 2 },
      outcomes: { given: 2, withdrawn: 1, refused: 3, expired: 2 },
      consentRate: 0.375,
      refusalRate: 0.375,
      withdrawalRate: 0.333,
      answersTooLate: 0,
      hoursToFirstAnswer: { median: 2, p90: 5 },
      identitiesDisclosed: 0,
      shares: 3,
      sharesFromSubsidised: 0,
      noticesSent: 8,
      remindersSent: 0,
      privacyChanges: { optedOut: 0, retentionChanged: 0 },
    },
    overrides: { byBasis: {}, ownersReached: 0, ownersNeverTold: 0 },
    footage: {
      hoursReachingPolice: 1.5,
      ...footage,
      areaHoursUnderPoliceView: 0.01,
      cases: 2,
      byNeighbourhood: [
        { cell: '8826c87291fffff', hours: 1.5 },
        { cell: '8826c87293fffff', hours: 0 },
      ],
    },
    feed: { posts: 0, raceOnly: 0, held: 0, reportedForProfiling: 0, removed: 0 },
    cameras: { atStart: 4, atEnd: 5, subsidised: 0 },
    pilot: null,
    days: [
      { date: '2031-03-01', cameras: 4, requests: 1, footageHours: 0.5 },
      { date: '2031-03-02', cameras: 5, requests: 2, footageHours: 1.5 },
    ],
  };
}
