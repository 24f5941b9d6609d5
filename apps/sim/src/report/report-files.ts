import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { adoptionOverTime, consentFunnel, footageOverTime, pilotOverTime, townCells } from './charts.js';
import type { PilotReport } from '../town/pilot.js';
import type { RunReport } from './measures.js';
import { renderSvg } from './render-svg.js';

const percent = (value: number | null): string => (value === null ? '–' : `${(value * 100).toFixed(1)} %`);
const count = (record: Record<string, number>): string =>
  Object.keys(record).length === 0 ? 'none' : Object.entries(record).map(([key, value]) => `${key} ${value}`).join(', ');

const signed = (change: number | null): string => (change === null ? 'n/a' : `${change > 0 ? '+' : ''}${(change * 100).toFixed(0)} %`);
const pilotLine = (pilot: PilotReport): string =>
  `${pilot.incidentType}: ${pilot.before} → ${pilot.after} (${signed(pilot.change)}); town ${pilot.townBefore} → ${pilot.townAfter} (${signed(pilot.townChange)})`;

/** The rows every report shows, policy by policy: one definition for report.md and compare's table. */
export const REPORT_ROWS: [label: string, value: (report: RunReport) => string][] = [
  ['incidents', (r) => String(r.incidents.total)],
  ['requests made (on a retry within the rule)', (r) => `${r.requests.made} (${r.requests.madeOnRetry})`],
  ['not asked: agency not yet a partner', (r) => String(r.requests.notYetPartner)],
  ['requests refused by a rule', (r) => count(r.requests.refusedByRule)],
  ['officers who gave up after a refusal', (r) => String(r.requests.gaveUp)],
  ['reviews approved / refused', (r) => `${r.requests.reviewsApproved} / ${r.requests.reviewsRefused}`],
  ['owners asked', (r) => String(r.owners.asked)],
  ['excluded: no recordings / blocked / encrypted / never opted in', (r) => `${r.owners.excluded.noRecordings} / ${r.owners.excluded.blocked} / ${r.owners.excluded.encrypted} / ${r.owners.excluded.optInNotGiven}`],
  ['consent rate (of owners asked)', (r) => percent(r.owners.consentRate)],
  ['refusal rate', (r) => percent(r.owners.refusalRate)],
  ['withdrawal rate (of shares)', (r) => percent(r.owners.withdrawalRate)],
  ['hours to first answer: median / p90', (r) => (r.owners.hoursToFirstAnswer ? `${r.owners.hoursToFirstAnswer.median} / ${r.owners.hoursToFirstAnswer.p90}` : '–')],
  ['answers that came too late', (r) => String(r.owners.answersTooLate)],
  ['notices / reminders sent', (r) => `${r.owners.noticesSent} / ${r.owners.remindersSent}`],
  ['owners who opted out / changed retention during the run', (r) => `${r.owners.privacyChanges.optedOut} / ${r.owners.privacyChanges.retentionChanged}`],
  ['identities disclosed', (r) => String(r.owners.identitiesDisclosed)],
  ['shares (from subsidised cameras)', (r) => `${r.owners.shares} (${r.owners.sharesFromSubsidised})`],
  ['overrides (emergency, warrant)', (r) => Object.entries(r.overrides.byBasis).map(([basis, outcomes]) => `${basis}: ${count(outcomes)}`).join('; ') || 'none'],
  ['owners reached by an override / never told', (r) => `${r.overrides.ownersReached} / ${r.overrides.ownersNeverTold}`],
  ['hours of footage reaching police', (r) => String(r.footage.hoursReachingPolice)],
  ['… of which without the owner’s consent', (r) => String(r.footage.hoursWithoutConsent)],
  ['area-hours under police view', (r) => percent(r.footage.areaHoursUnderPoliceView)],
  ['cases with footage of the incident', (r) => `${r.footage.casesWithFootage} of ${r.footage.cases}`],
  ['feed posts (by race alone): held / reported for profiling / removed', (r) => `${r.feed.posts} (${r.feed.raceOnly}): ${r.feed.held} / ${r.feed.reportedForProfiling} / ${r.feed.removed}`],
  ['camera pilot: its neighbourhood before → after (whole town)', (r) => (r.pilot ? pilotLine(r.pilot) : '–')],
  ['cameras at start / end (subsidised)', (r) => `${r.cameras.atStart} / ${r.cameras.atEnd} (${r.cameras.subsidised})`],
];

/** Each chart of a run, by file name. */
export const RUN_CHARTS: Record<string, (report: RunReport) => TopLevelSpec> = {
  'consent-funnel.svg': consentFunnel,
  'footage-over-time.svg': footageOverTime,
  'town-cells.svg': townCells,
  'adoption.svg': adoptionOverTime,
};

/** A chart's title from its file name: `consent-funnels.svg` → "consent funnels". */
export const chartTitle = (file: string): string => file.replace('.svg', '').replace(/-/g, ' ');

/** Charts as SVG files in `dir`, and the Markdown that shows them. */
export async function writeCharts<T>(dir: string, charts: Record<string, (input: T) => TopLevelSpec>, input: T): Promise<string[]> {
  const lines: string[] = [];
  for (const [file, chart] of Object.entries(charts)) {
    writeFileSync(join(dir, file), await renderSvg(chart(input)));
    lines.push(`![${chartTitle(file)}](${file})`);
  }
  return lines;
}

export function reportMarkdown(report: RunReport, charts: string[] = []): string {
  const { scenario } = report;
  return [
    `# ${scenario.title} — ${scenario.policy}`,
    '',
    `> ${scenario.question}`,
    '',
    `Scenario \`${scenario.name}\`, seed ${scenario.seed}, ${scenario.households} households, ${scenario.durationDays} days from ${scenario.start}.`,
    '',
    '| measure | value |',
    '| --- | --- |',
    ...REPORT_ROWS.map(([label, value]) => `| ${label} | ${value(report)} |`),
    '',
    ...charts.flatMap((chart) => [chart, '']),
  ].join('\n');
}

/** report.json (byte-identical for the same scenario, seed and policy), the charts as SVG, and report.md. */
export async function writeRunReport(dir: string, report: RunReport): Promise<void> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  const charts = report.pilot ? { ...RUN_CHARTS, 'pilot.svg': pilotOverTime } : RUN_CHARTS;
  writeFileSync(join(dir, 'report.md'), reportMarkdown(report, await writeCharts(dir, charts, report)));
}
