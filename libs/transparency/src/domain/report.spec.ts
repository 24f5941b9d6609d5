import { describe, expect, it } from '@jest/globals';
import { CSV_COLUMNS, csvRows, totalOf, zeroFigures, type Figures } from './report.js';

const figures = (made: number, warrantApproved: number): Figures => {
  const result = zeroFigures();
  result.requests.made = made;
  result.owners.excluded.blocked = made * 2;
  result.overrides.warrant.approved = warrantApproved;
  return result;
};

describe('the transparency report', () => {
  it('totals every count of every agency', () => {
    const total = totalOf([figures(3, 1), figures(4, 0), figures(0, 2)]);
    expect(total.requests.made).toBe(7);
    expect(total.owners.excluded.blocked).toBe(14);
    expect(total.overrides.warrant.approved).toBe(3);
    expect(total.answers.shares).toBe(0);
  });

  it('is one CSV table: a row per agency, then the totals, each as wide as the header', () => {
    const agency = { agency: { id: 'a', name: 'Town PD', kind: 'police' }, ...figures(2, 1) };
    const rows = csvRows({
      period: { from: new Date(0), to: new Date(1) },
      agencies: [agency],
      totals: { ...totalOf([agency]), staffFootageAccesses: 5, postsReportedForProfiling: 4, postsRemoved: 3 },
    });
    expect(rows.map((row) => row.length)).toEqual([CSV_COLUMNS.length, CSV_COLUMNS.length]);
    expect(rows[0]!.slice(0, 5)).toEqual(['agency', 'a', 'Town PD', 'police', 2]);
    expect(rows[1]!.slice(-3)).toEqual([5, 4, 3]);
    expect(rows[0]!.slice(-3)).toEqual(['', '', '']);
  });
});
