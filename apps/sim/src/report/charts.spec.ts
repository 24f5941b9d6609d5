import { describe, expect, it } from '@jest/globals';
import { sampleReport } from '../../test/sample-report.js';
import { funnelStages, privacyCostVsInvestigativeValue, townCells } from './charts.js';
import { RUN_CHARTS } from './report-files.js';
import { renderSvg } from './render-svg.js';

const report = sampleReport('ring-2019', { hoursWithoutConsent: 0.75, casesWithFootage: 1 });

describe('the report charts', () => {
  it('draws the consent funnel from the report: everyone in the area, asked, answered, shared, still sharing', () => {
    expect(funnelStages(report)).toEqual([
      { stage: 'with a camera in the area', owners: 15 },
      { stage: 'asked', owners: 8 },
      { stage: 'answered', owners: 6 },
      { stage: 'shared', owners: 3 },
      { stage: 'still sharing', owners: 2 },
    ]);
  });

  it('renders every run chart to SVG headlessly, titled', async () => {
    for (const [file, chart] of Object.entries(RUN_CHARTS)) {
      const svg = await renderSvg(chart(report));
      expect([file, svg.startsWith('<svg')]).toEqual([file, true]);
      expect(svg).toContain(String(chart(report).title));
    }
  });

  it('draws one shape per neighbourhood, each a closed clockwise ring (not the whole globe)', async () => {
    const spec = townCells(report) as { data: { values: { geometry: { coordinates: number[][][] } }[] } };
    expect(spec.data.values).toHaveLength(2);
    for (const feature of spec.data.values) {
      const ring = feature.geometry.coordinates[0]!;
      expect(ring[0]).toEqual(ring.at(-1));
      // Shoelace in (lng, lat): negative for a clockwise ring.
      const area = ring.slice(1).reduce((sum, [x, y], i) => sum + (ring[i]![0]! * y! - x! * ring[i]![1]!), 0);
      expect(area).toBeLessThan(0);
    }
    const svg = await renderSvg(townCells(report));
    expect(svg.match(/role-mark marks/g)?.length ?? 0).toBeGreaterThan(0);
  });

  it('places each policy by its privacy cost and its investigative value', async () => {
    const reports = [report, sampleReport('privacy-by-design', { hoursWithoutConsent: 0, casesWithFootage: 0 })];
    const spec = privacyCostVsInvestigativeValue(reports) as { layer: { data: { values: unknown[] } }[] };
    expect(spec.layer[0]!.data.values).toEqual([
      { policy: 'ring-2019', hoursWithoutConsent: 0.75, casesWithFootage: 1 },
      { policy: 'privacy-by-design', hoursWithoutConsent: 0, casesWithFootage: 0 },
    ]);
    const svg = await renderSvg(privacyCostVsInvestigativeValue(reports));
    for (const policy of ['ring-2019', 'privacy-by-design']) expect(svg).toContain(policy);
  });

  it('labels policies at the same place once, together, instead of printing their names over each other', () => {
    const same = { hoursWithoutConsent: 0, casesWithFootage: 2 };
    const reports = [sampleReport('ring-2019', same), sampleReport('ring-2021', same), sampleReport('privacy-by-design', { hoursWithoutConsent: 0, casesWithFootage: 0 })];
    const spec = privacyCostVsInvestigativeValue(reports) as { layer: { data: { values: { policies: string }[] } }[] };
    expect(spec.layer[1]!.data.values.map((label) => label.policies)).toEqual(['ring-2019, ring-2021', 'privacy-by-design']);
  });
});
