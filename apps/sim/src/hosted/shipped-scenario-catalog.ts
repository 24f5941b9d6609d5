import { ScenarioCatalog, type PreparedScenario } from '@app/comparisons';
import { Injectable } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarioFile, SHIPPED_DIR } from '../scenario/load-scenario.js';
import { scaleScenario } from '../scenario/scale.js';

/** The api's view of the shipped scenarios (apps/sim/scenarios), read when asked, as `npm run sim` reads them. */
@Injectable()
export class ShippedScenarioCatalog extends ScenarioCatalog {
  prepare(name: string, scale: number, seed: number | undefined): PreparedScenario | undefined {
    const file = join(SHIPPED_DIR, `${name}.yaml`);
    if (!/^[a-z0-9-]+$/.test(name) || !existsSync(file)) return undefined;
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
