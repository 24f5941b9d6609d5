import { ScenarioCatalog, type PreparedScenario } from '@app/comparisons';
import { Injectable } from '@nestjs/common';
import { loadScenarioFile, shippedScenarioFile } from '../scenario/load-scenario.js';
import { scaleScenario } from '../scenario/scale.js';

/** The api's view of the shipped scenarios (apps/sim/scenarios), read when asked, as `npm run sim` reads them. */
@Injectable()
export class ShippedScenarioCatalog extends ScenarioCatalog {
  prepare(name: string, scale: number, seed: number | undefined): PreparedScenario | undefined {
    const file = shippedScenarioFile(name);
    if (file === undefined) return undefined;
    const scaled = scaleScenario(loadScenarioFile(file), scale);
    const scenario = { ...scaled, seed: seed ?? scaled.seed };
    return {
      scenario,
      summary: {
        name: scenario.name,
        title: scenario.title,
        question: scenario.question,
        seed: scenario.seed,
        scale,
        households: scenario.town.households,
        durationDays: scenario.durationDays,
      },
    };
  }
}
