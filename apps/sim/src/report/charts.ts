import { cellToBoundary } from 'h3-js';
import type { TopLevelSpec } from 'vega-lite';
import type { RunReport } from './measures.js';

/**
 * The report's charts as vega-lite specs: pure functions of reports, so a chart shows exactly the
 * figures report.json holds. Colour-blind-safe colours throughout: viridis for amounts, Okabe and
 * Ito's palette for the policies (the console's too).
 */

const WIDTH = 560;
const base = { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', width: WIDTH, background: 'white' } as const;

/** Okabe–Ito: blue, orange, bluish green, reddish purple, vermillion; told apart with any colour vision. */
const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00'];
/** One colour per policy, in the reports' order, the same in every chart of a comparison. */
const policyColour = (reports: RunReport[]) => ({ domain: reports.map((report) => report.scenario.policy), range: OKABE_ITO });

/** The consent funnel's stages, from every owner with a camera in the areas asked about to those still sharing. */
export function funnelStages(report: RunReport): { stage: string; owners: number }[] {
  const { asked, excluded, outcomes } = report.owners;
  const shared = (outcomes.given ?? 0) + (outcomes.withdrawn ?? 0);
  return [
    { stage: 'with a camera in the area', owners: asked + excluded.noRecordings + excluded.blocked + excluded.encrypted + excluded.optInNotGiven },
    { stage: 'asked', owners: asked },
    { stage: 'answered', owners: shared + (outcomes.refused ?? 0) },
    { stage: 'shared', owners: shared },
    { stage: 'still sharing', owners: outcomes.given ?? 0 },
  ];
}

export function consentFunnel(report: RunReport): TopLevelSpec {
  return {
    ...base,
    title: `Consent funnel — ${report.scenario.policy}`,
    data: { values: funnelStages(report) },
    mark: { type: 'bar', color: '#4c78a8' },
    encoding: {
      y: { field: 'stage', type: 'nominal', sort: null, title: null, axis: { labelLimit: 240 } },
      x: { field: 'owners', type: 'quantitative', title: 'owners (summed over requests)' },
    },
  };
}

export function footageOverTime(report: RunReport): TopLevelSpec {
  return {
    ...base,
    title: `Hours of footage reaching police — ${report.scenario.policy}`,
    data: { values: report.days },
    mark: { type: 'line', interpolate: 'step-after' },
    encoding: {
      x: { field: 'date', type: 'temporal', title: null },
      y: { field: 'footageHours', type: 'quantitative', title: 'hours, so far' },
    },
  };
}

export function adoptionOverTime(report: RunReport): TopLevelSpec {
  return {
    ...base,
    title: 'Cameras in town',
    data: { values: report.days },
    mark: { type: 'line', interpolate: 'step-after', color: '#54a24b' },
    encoding: {
      x: { field: 'date', type: 'temporal', title: null },
      y: { field: 'cameras', type: 'quantitative', title: 'cameras up' },
    },
  };
}

/** The town's neighbourhoods (H3 cells) coloured by the hours of footage from each that reached police. */
export function townCells(report: RunReport): TopLevelSpec {
  const features = report.footage.byNeighbourhood.map(({ cell, hours }) => ({
    type: 'Feature',
    properties: { cell, hours },
    // Clockwise, as d3-geo (under vega) reads a spherical polygon's outside ring; GeoJSON's
    // anticlockwise ring would fill the whole globe but the cell.
    geometry: { type: 'Polygon', coordinates: [cellToBoundary(cell, true).reverse()] },
  }));
  return {
    ...base,
    height: WIDTH,
    title: `Footage reaching police, by neighbourhood — ${report.scenario.policy}`,
    data: { values: features },
    projection: { type: 'mercator' },
    mark: { type: 'geoshape', stroke: 'white', strokeWidth: 1 },
    encoding: {
      color: { field: 'properties.hours', type: 'quantitative', title: 'hours', scale: { scheme: 'viridis' } },
      tooltip: [{ field: 'properties.cell', title: 'cell' }, { field: 'properties.hours', title: 'hours' }],
    },
  };
}

/** compare: each policy's funnel side by side. */
export function comparedFunnels(reports: RunReport[]): TopLevelSpec {
  return {
    ...base,
    title: 'Consent funnel by policy',
    data: { values: reports.flatMap((report) => funnelStages(report).map((stage) => ({ ...stage, policy: report.scenario.policy }))) },
    mark: 'bar',
    encoding: {
      y: { field: 'stage', type: 'nominal', sort: null, title: null, axis: { labelLimit: 240 } },
      yOffset: { field: 'policy', sort: null },
      x: { field: 'owners', type: 'quantitative', title: 'owners (summed over requests)' },
      color: { field: 'policy', type: 'nominal', sort: null, scale: policyColour(reports) },
    },
  };
}

/**
 * compare: what each policy costs owners in privacy (hours of footage police got from owners who
 * did not consent) against what it gives investigations (cases whose footage of the incident
 * reached police).
 */
export function privacyCostVsInvestigativeValue(reports: RunReport[]): TopLevelSpec {
  const points = reports.map((report) => ({
    policy: report.scenario.policy,
    hoursWithoutConsent: report.footage.hoursWithoutConsent,
    casesWithFootage: report.footage.casesWithFootage,
  }));
  // Policies at the same place share one label ("ring-2019, ring-2021"), not labels printed over each other.
  const byPlace = new Map<string, typeof points>();
  for (const point of points) {
    const place = `${point.hoursWithoutConsent}|${point.casesWithFootage}`;
    byPlace.set(place, [...(byPlace.get(place) ?? []), point]);
  }
  const labels = [...byPlace.values()].map((same) => ({ ...same[0]!, policies: same.map((point) => point.policy).join(', ') }));
  // From zero, and at least one unit wide: all policies at zero cost still make a readable axis.
  const upTo = (values: number[]) => [0, Math.max(1, ...values)];
  return {
    ...base,
    height: 360,
    title: 'Privacy cost vs investigative value',
    layer: [
      { data: { values: points }, mark: { type: 'point', filled: true, size: 140, opacity: 1 } },
      { data: { values: labels }, mark: { type: 'text', dx: 10, align: 'left' }, encoding: { text: { field: 'policies' }, color: { value: '#1b1b1b' } } },
    ],
    encoding: {
      x: {
        field: 'hoursWithoutConsent',
        type: 'quantitative',
        title: 'privacy cost: footage-hours of owners who did not consent',
        scale: { domain: upTo(points.map((point) => point.hoursWithoutConsent)), nice: true },
        axis: { format: '~g' },
      },
      y: {
        field: 'casesWithFootage',
        type: 'quantitative',
        title: 'investigative value: cases with footage of the incident',
        scale: { domain: upTo(points.map((point) => point.casesWithFootage)), nice: true },
        axis: { format: 'd', tickMinStep: 1 },
      },
      color: { field: 'policy', type: 'nominal', sort: null, scale: policyColour(reports), legend: null },
    },
  };
}

/** The camera pilot over the whole run: its neighbourhood against the others' average, with the day the cameras went up. */
export function pilotOverTime(report: RunReport): TopLevelSpec {
  const pilot = report.pilot!;
  const start = Date.parse(`${report.scenario.start}T00:00:00Z`);
  const period = (index: number) => new Date(start + index * 30 * 86_400_000).toISOString().slice(0, 10);
  const values = [
    ...pilot.per30Days.pilot.map((count, index) => ({ period: period(index), series: 'pilot neighbourhood', count })),
    ...pilot.per30Days.othersAverage.map((count, index) => ({ period: period(index), series: 'other neighbourhoods (average)', count })),
  ];
  return {
    ...base,
    title: `${pilot.incidentType} per 30 days: the camera pilot and the rest of the town`,
    layer: [
      {
        data: { values },
        mark: { type: 'line', point: true },
        encoding: {
          x: { field: 'period', type: 'temporal', title: null },
          y: { field: 'count', type: 'quantitative', title: `${pilot.incidentType} incidents` },
          color: { field: 'series', type: 'nominal', sort: null, scale: { range: OKABE_ITO }, title: null, legend: { labelLimit: 300, orient: 'bottom' } },
        },
      },
      {
        data: { values: [{ day: pilot.startsOn, label: 'cameras go up' }] },
        layer: [
          { mark: { type: 'rule', strokeDash: [4, 4] } },
          { mark: { type: 'text', align: 'left', dx: 4, dy: -4, y: 0 }, encoding: { text: { field: 'label' } } },
        ],
        encoding: { x: { field: 'day', type: 'temporal' } },
      },
    ],
  };
}
