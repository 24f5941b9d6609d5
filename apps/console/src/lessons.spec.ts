import { describe, expect, it } from '@jest/globals';
import { lessonScenarios } from '../build.mjs';
import { LIVE_STEPS, lessonsFrom } from './lessons.js';

describe('lessons', () => {
  const scenarios = lessonScenarios();

  it('lists every shipped scenario with its title and question', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(8);
    for (const scenario of scenarios) {
      expect(scenario.title).toEqual(expect.any(String));
      expect(scenario.question).toMatch(/\?/);
    }
    expect(lessonsFrom(scenarios).map((lesson) => lesson.name).sort()).toEqual(scenarios.map((scenario) => scenario.name).sort());
  });

  it('guides live only lessons that are shipped scenarios, the live ones first', () => {
    const names = scenarios.map((scenario) => scenario.name);
    for (const name of Object.keys(LIVE_STEPS)) expect(names).toContain(name);
    const lessons = lessonsFrom(scenarios);
    const firstSimulatorOnly = lessons.findIndex((lesson) => lesson.steps.length === 0);
    expect(lessons.slice(firstSimulatorOnly).every((lesson) => lesson.steps.length === 0)).toBe(true);
  });

  it('shows each live lesson under the policy its scenario runs by default, among others to contrast', () => {
    for (const lesson of lessonsFrom(scenarios).filter((candidate) => candidate.steps.length > 0)) {
      expect(lesson.steps.map((step) => step.profile)).toContain(lesson.policy);
    }
  });
});
