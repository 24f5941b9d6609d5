import { NotFoundError } from '@app/errors';

/** A scenario name the simulator does not ship (a comparison's, or a town's to load). */
export class ScenarioNotFoundError extends NotFoundError {
  constructor() {
    super('Scenario', 'SCENARIO_NOT_FOUND');
  }
}
