import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { comparedFunnels, privacyCostVsInvestigativeValue } from './charts.js';
import type { RunReport } from './measures.js';
import { REPORT_ROWS, chartTitle, writeCharts } from './report-files.js';
import { renderSvg } from './render-svg.js';

const COMPARE_CHARTS = {
  'privacy-cost-vs-investigative-value.svg': privacyCostVsInvestigativeValue,
  'consent-funnels.svg': comparedFunnels,
};

/** The comparison's table: each measure's value under each policy, in the reports' order. */
export function comparisonMeasures(reports: RunReport[]): { measure: string; values: string[] }[] {
  return REPORT_ROWS.map(([measure, value]) => ({ measure, values: reports.map(value) }));
}

/** The comparison's charts as SVG text, named as compare writes them. */
export function comparisonCharts(reports: RunReport[]): Promise<{ name: string; title: string; svg: string }[]> {
  return Promise.all(Object.entries(COMPARE_CHARTS).map(async ([name, chart]) => ({ name, title: chartTitle(name), svg: await renderSvg(chart(reports)) })));
}

/** The same town, seed and incidents under each policy, side by side. */
export function compareMarkdown(reports: RunReport[], charts: string[] = []): string {
  const { scenario } = reports[0]!;
  return [
    `# ${scenario.title} — policies compared`,
    '',
    `> ${scenario.question}`,
    '',
    `Scenario \`${scenario.name}\`, seed ${scenario.seed}, ${scenario.households} households, ${scenario.durationDays} days from ${scenario.start}: the same town and the same incidents under each policy.`,
    '',
    `| measure | ${reports.map((report) => report.scenario.policy).join(' | ')} |`,
    `| --- |${reports.map(() => ' --- |').join('')}`,
    ...comparisonMeasures(reports).map(({ measure, values }) => `| ${measure} | ${values.join(' | ')} |`),
    '',
    ...charts.flatMap((chart) => [chart, '']),
    `Each policy's own report, with its charts, is in its folder (${reports.map((report) => `[${report.scenario.policy}](${report.scenario.policy}/report.md)`).join(', ')}).`,
    '',
  ].join('\n');
}

/** compare.json (every run's report, by policy), the grouped charts and compare.md. */
export async function writeComparison(dir: string, reports: RunReport[]): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const byPolicy = Object.fromEntries(reports.map((report) => [report.scenario.policy, report]));
  writeFileSync(join(dir, 'compare.json'), `${JSON.stringify(byPolicy, null, 2)}\n`);
  writeFileSync(join(dir, 'compare.md'), compareMarkdown(reports, await writeCharts(dir, COMPARE_CHARTS, reports)));
}
