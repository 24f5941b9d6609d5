import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunReport } from './measures.js';

const percent = (value: number | null): string => (value === null ? '–' : `${(value * 100).toFixed(1)} %`);
const count = (record: Record<string, number>): string =>
  Object.keys(record).length === 0 ? 'none' : Object.entries(record).map(([key, value]) => `${key} ${value}`).join(', ');

/** The rows every report shows, policy by policy: one definition for report.md and compare's table. */
export const REPORT_ROWS: [label: string, value: (report: RunReport) => string][] = [
  ['incidents', (r) => String(r.incidents.total)],
  ['requests made (on a retry within the rule)', (r) => `${r.requests.made} (${r.requests.madeOnRetry})`],
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
  ['identities disclosed', (r) => String(r.owners.identitiesDisclosed)],
  ['overrides (emergency, warrant)', (r) => Object.entries(r.overrides.byBasis).map(([basis, outcomes]) => `${basis}: ${count(outcomes)}`).join('; ') || 'none'],
  ['owners reached by an override / never told', (r) => `${r.overrides.ownersReached} / ${r.overrides.ownersNeverTold}`],
  ['hours of footage reaching police', (r) => String(r.footage.hoursReachingPolice)],
  ['… of which without the owner’s consent', (r) => String(r.footage.hoursWithoutConsent)],
  ['area-hours under police view', (r) => percent(r.footage.areaHoursUnderPoliceView)],
  ['cases with footage of the incident', (r) => `${r.footage.casesWithFootage} of ${r.footage.cases}`],
  ['cameras at start / end', (r) => `${r.cameras.atStart} / ${r.cameras.atEnd}`],
];

export function reportMarkdown(report: RunReport): string {
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
  ].join('\n');
}

/** report.json (byte-identical for the same scenario, seed and policy) and report.md. */
export function writeRunReport(dir: string, report: RunReport): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(dir, 'report.md'), reportMarkdown(report));
}
