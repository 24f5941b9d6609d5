import { describe, expect, it } from '@jest/globals';
import { TINY_TOWN_YAML } from '../../test/tiny-town.js';
import { loadScenario, parseScenario, ScenarioError, shippedScenarios } from './load-scenario.js';

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;
const errorOf = (text: string): string => {
  try {
    parseScenario(text, 'bad.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return (error as Error).message;
  }
  throw new Error('the scenario was accepted');
};

describe('scenario files', () => {
  it('accepts every shipped scenario, with defaults filled in', () => {
    const shipped = shippedScenarios();
    expect(shipped.length).toBeGreaterThan(0);
    for (const scenario of shipped) expect(loadScenario(scenario.name)).toEqual(scenario);
    expect(parseScenario(TINY_TOWN_YAML, 'tiny.yaml').cameraSeesIncidentMeters).toBe(35);
  });

  it('names the file, the line and the field of a bad value', () => {
    const text = TINY_TOWN_YAML.replace('households: 300', 'households: -3');
    expect(errorOf(text)).toMatch(new RegExp(`^bad\\.yaml:${lineOf(text, 'households: -3')}: town\\.households: `));
  });

  it('names an unknown field, and a missing one at its parent', () => {
    const unknown = TINY_TOWN_YAML.replace('  blockMeters: 150', '  blockMeters: 150\n  streets: 9');
    expect(errorOf(unknown)).toMatch(new RegExp(`^bad\\.yaml:${lineOf(unknown, 'streets: 9')}: town \\(streets\\):`));
    const missing = TINY_TOWN_YAML.replace('durationDays: 12\n', '');
    expect(errorOf(missing)).toMatch(/^bad\.yaml:1: durationDays: /);
  });

  it('checks that the owner kinds add up to everyone', () => {
    const text = TINY_TOWN_YAML.replace('never: 0.2', 'never: 0.5');
    expect(errorOf(text)).toContain('must add up to 1');
  });

  it('says where YAML itself is broken', () => {
    expect(errorOf(`${TINY_TOWN_YAML}\n  - : : [`)).toMatch(/^bad\.yaml:\d+: not valid YAML/);
  });

  it('refuses an unknown scenario name in one sentence listing the shipped ones', () => {
    expect(() => loadScenario('no-such-lesson')).toThrow(/No scenario "no-such-lesson": give a YAML file or one of .*opt-out-vs-opt-in/);
  });
});
