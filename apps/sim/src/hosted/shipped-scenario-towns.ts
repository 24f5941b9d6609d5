import { clipsBefore, gridMap, ScenarioTowns, type DemoAgency, type DemoHousehold, type TownSpec } from '@app/demo-town';
import { Injectable } from '@nestjs/common';
import { keyedStream, randomStreams } from '../engine/random.js';
import { loadScenarioFile, shippedScenarioFile } from '../scenario/load-scenario.js';
import { planTown } from '../town/town.js';

/** Days of clips before now on each camera, as the demo town has. */
const CLIP_DAYS = 3;

/**
 * A shipped scenario's town for the sandbox, as its simulator run starts: the same households in
 * the same places (the scenario's seed), those with a camera on day 0 loaded with their privacy
 * choices and a few days of clips, and the scenario's agencies with their strips of town. The
 * named officer of the north precinct serves the agency that polices the town's centre, where
 * Alice, Bob and Chloé live, so a lesson's steps work in this town as in Porchlight Falls.
 */
@Injectable()
export class ShippedScenarioTowns extends ScenarioTowns {
  spec(name: string, now: Date): TownSpec | undefined {
    const file = shippedScenarioFile(name);
    if (file === undefined) return undefined;
    const scenario = loadScenarioFile(file);
    const town = planTown(scenario, randomStreams(scenario.seed).town);
    const today = now.toISOString().slice(0, 10);
    const agencies = town.agencies.map(
      (agency): DemoAgency => ({
        key: `agency-${agency.index}`,
        name: agency.name,
        kind: agency.kind,
        city: scenario.title.slice(0, 100),
        state: 'CO',
        zip: '80200',
        // A partner from its date, or from today for a scenario set in the future.
        partnerSince: agency.partnerSince < today ? agency.partnerSince : today,
        jurisdiction: agency.jurisdiction,
      }),
    );
    const clips = keyedStream(scenario.seed, 'sandbox-clips');
    const households = town.households
      .filter((household) => household.installDay === 0)
      .map(
        (household): DemoHousehold => ({
          email: household.email,
          displayName: household.displayName,
          privacy: { policeRequests: household.policeRequests, endToEndEncryption: household.endToEndEncryption, retentionDays: null },
          cameras: [{ label: 'Porch', location: household.location, recordings: clipsBefore(() => clips.next(), now, CLIP_DAYS) }],
        }),
      );
    const { center, sizeMeters, blockMeters } = scenario.town;
    const central = town.agencies.find((agency) => agency.westLng <= center.lng && center.lng <= agency.eastLng) ?? town.agencies[0]!;
    const others = town.agencies.filter((agency) => agency !== central);
    const keyOf = (agency: (typeof town.agencies)[number] | undefined) => `agency-${(agency ?? central).index}`;
    const byDemoKey: Record<string, string> = { north: keyOf(central), south: keyOf(others[0]), county: keyOf(others[1]) };
    return {
      name: scenario.title,
      plan: { agencies, households },
      map: gridMap(center, sizeMeters, blockMeters),
      agencyFor: (demoKey) => byDemoKey[demoKey] ?? keyOf(central),
    };
  }
}
