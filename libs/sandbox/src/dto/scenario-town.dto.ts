import { ShippedScenarioName } from '@app/demo-town';

export class ScenarioTownDto {
  @ShippedScenarioName()
  scenario: string;
}
