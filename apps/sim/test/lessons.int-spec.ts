import { describe, expect, it } from '@jest/globals';
import type { ProfileName } from '@app/policy';
import { templateUrl } from '../../../test/support/test-database.js';
import type { RunReport } from '../src/report/measures.js';
import { runScenario } from '../src/run/run-scenario.js';
import { loadScenario, shippedScenarios } from '../src/scenario/load-scenario.js';
import { scaleScenario } from '../src/scenario/scale.js';
import type { Scenario } from '../src/scenario/scenario.schema.js';
import { tinyTown } from './tiny-town.js';

const run = async (scenario: Scenario, policy: ProfileName = scenario.policy): Promise<RunReport> =>
  (await runScenario(scenario, { policy, keep: false, templateUrl: templateUrl() })).report;

/** Every shipped lesson at a small scale, and the invariants each lesson rests on. */
describe('the shipped lessons', () => {
  it('all run at a tenth of their size, each accounting for every owner it asked', async () => {
    const scenarios = shippedScenarios();
    expect(scenarios.length).toBeGreaterThanOrEqual(8);
    for (const scenario of scenarios) {
      const small = scaleScenario(scenario, 0.1);
      const report = await run(small);
      expect([scenario.name, report.days.length]).toEqual([scenario.name, small.durationDays]);
      expect(Object.values(report.owners.outcomes).reduce((sum, count) => sum + count, 0)).toBe(report.owners.asked);
      if (scenario.pilot) expect(report.pilot?.incidentType).toBe(scenario.pilot.incidentType);
    }
  }, 120_000);

  it('who sees my name: no identity under a pseudonym policy, every sharer named under ring-2021', async () => {
    const scenario = scaleScenario(loadScenario('who-sees-my-name'), 0.5);
    const pseudonymous = await run(scenario, 'privacy-by-design');
    expect(pseudonymous.owners.identitiesDisclosed).toBe(0);
    const named = await run(scenario, 'ring-2021');
    expect(named.owners.shares).toBeGreaterThan(0);
    expect(named.owners.identitiesDisclosed).toBe(named.owners.shares);
  }, 60_000);

  it('the emergency loophole: only ring-2019 grants alone, and only privacy-by-design tells every owner reached', async () => {
    const base = scaleScenario(loadScenario('emergency-loophole'), 0.4);
    const scenario = { ...base, police: { ...base.police, emergencyOverridePerRequest: 0.6, overrideApproval: 1 } };
    const ring2019 = await run(scenario, 'ring-2019');
    expect(ring2019.overrides.byBasis.emergency?.approvedOnTheSpot).toBeGreaterThan(0);
    expect(ring2019.overrides.ownersReached).toBeGreaterThan(0);
    expect(ring2019.overrides.ownersNeverTold).toBe(ring2019.overrides.ownersReached);
    expect(ring2019.footage.hoursWithoutConsent).toBeGreaterThan(0);
    const privacyByDesign = await run(scenario, 'privacy-by-design');
    expect(privacyByDesign.overrides.byBasis.emergency?.approvedOnTheSpot).toBeUndefined();
    expect(privacyByDesign.overrides.ownersReached).toBeGreaterThan(0);
    expect(privacyByDesign.overrides.ownersNeverTold).toBe(0);
  }, 60_000);

  it('lets an agency ask only from the day it became a partner', async () => {
    const town = tinyTown();
    const report = await run({ ...town, agencies: [{ ...town.agencies[0]!, partnerSince: '2031-03-07' }] });
    expect(report.requests.notYetPartner).toBeGreaterThan(0);
    expect(report.requests.made).toBeGreaterThan(0);
    const first = report.days.find((day) => day.requests > 0)!;
    expect(first.date >= '2031-03-07').toBe(true);
  }, 60_000);

  it('a town where every owner always answers and shares: every owner asked shares, once', async () => {
    const town = tinyTown();
    const everyoneShares = {
      ...town,
      owners: { ...town.owners, alwaysShare: 1, shareIfSerious: 0, never: 0, blocksPolice: 0, endToEndEncryption: 0, answerProbability: 1, withdrawProbability: 0, privacyChangesPerYear: 0 },
    };
    const report = await run(everyoneShares, 'ring-2021');
    expect(report.owners.asked).toBeGreaterThan(0);
    // An answer due after its request expired is refused; in twelve days with a 7-day expiry a few may be.
    expect(report.owners.shares + report.owners.answersTooLate + (report.owners.outcomes.requested ?? 0)).toBe(report.owners.asked);
    expect(report.owners.outcomes.refused).toBeUndefined();
    expect(report.owners.identitiesDisclosed).toBe(report.owners.shares);
    expect(report.owners.excluded).toMatchObject({ blocked: 0, encrypted: 0 });
  }, 60_000);
});
