import { describe, expect, it } from '@jest/globals';
import { batchRanges, NOTIFICATION_SPECS, type RequestSummary } from './notification-specs.js';

const request: RequestSummary = {
  id: 'r',
  agencyName: 'North Precinct',
  caseNumber: '2031-0042',
  incidentType: 'package-theft',
  windowStart: new Date('2031-09-01T10:00:00Z'),
  windowEnd: new Date('2031-09-01T12:00:00Z'),
  status: 'open',
  counts: { notified: 20, shared: 3, declined: 2, pending: 15 },
  noticeChannels: [],
};

describe('who is told what about a footage request', () => {
  it('tells the owners asked which agency asks, for which case and window', () => {
    const spec = NOTIFICATION_SPECS['request.created']!;
    expect(spec.audience).toBe('recipients');
    expect(spec.message(request)).toEqual({
      title: 'North Precinct asks for your footage',
      body: 'Case 2031-0042 (package-theft): recordings from 2031-09-01 10:00–12:00 UTC. You decide whether to share any.',
    });
  });

  it('names both days when the window spans midnight', () => {
    const overnight = { ...request, windowStart: new Date('2031-08-31T21:30:00Z'), windowEnd: new Date('2031-09-01T08:30:00Z') };
    expect(NOTIFICATION_SPECS['request.created']!.message(overnight).body).toContain('recordings from 2031-08-31 21:30 – 2031-09-01 08:30 UTC.');
  });

  it.each(['request.closed', 'request.expired', 'request.deleted'] as const)('tells only owners who had not answered when a request ends (%s)', (type) => {
    expect(NOTIFICATION_SPECS[type]!.audience).toBe('unanswered');
  });

  it.each(['consent.given', 'consent.refused', 'consent.withdrawn'] as const)('tells the agency the new counts, never who answered (%s)', (type) => {
    const spec = NOTIFICATION_SPECS[type]!;
    expect({ audience: spec.audience, updatesAgency: spec.updatesAgency }).toEqual({ audience: 'agency', updatesAgency: true });
    expect(spec.message(request).body).toContain('3 shared, 2 declined, 15 pending of 20');
  });
});

describe('fan-out batches', () => {
  it('cover every user once, in keyset ranges between the boundaries', () => {
    expect(batchRanges([])).toEqual([{ after: null, upTo: null }]);
    expect(batchRanges(['b', 'd'])).toEqual([
      { after: null, upTo: 'b' },
      { after: 'b', upTo: 'd' },
      { after: 'd', upTo: null },
    ]);
  });
});
