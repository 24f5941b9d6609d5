import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { TINY_TOWN_YAML } from '../../test/tiny-town.js';
import { planTown } from '../town/town.js';
import { keyedStream } from '../engine/random.js';
import { HomesFileError, loadHomesFile } from './homes-file.js';
import { parseScenario, ScenarioError } from './load-scenario.js';

const TEST_DIR = join(import.meta.dirname, '../../test');
const LITTLE_RIVER = join(TEST_DIR, 'towns', 'little-river.geojson');

/** TINY_TOWN_YAML drawn from a homes file instead of a street grid. */
const withHomesFile = (homes: string) =>
  TINY_TOWN_YAML.replace('  center: { lat: 39.7392, lng: -104.9903 }\n  sizeMeters: 900\n', `  homes: ${homes}\n`);

function fileWith(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'homes-')), 'town.geojson');
  writeFileSync(path, content);
  return path;
}

describe('a town from a GeoJSON file of homes', () => {
  it('reads the homes, and takes the centre and size of their bounding box', () => {
    const town = loadHomesFile(LITTLE_RIVER);
    expect(town.homePoints).toHaveLength(494);
    expect(town.homePoints[0]).toEqual({ lat: expect.any(Number), lng: expect.any(Number) });
    // The river road runs 2.4 km west to east; the side streets reach about 550 m north of it.
    expect(town.sizeMeters).toBeGreaterThan(2300);
    expect(town.sizeMeters).toBeLessThan(2500);
    expect(town.center.lat).toBeCloseTo(44.478, 2);
    expect(town.center.lng).toBeCloseTo(-73.2122, 3);
  });

  it('names the field of a feature that is not a home, and a file that is missing or not JSON', () => {
    const polygon = fileWith(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [] } }] }));
    expect(() => loadHomesFile(polygon)).toThrow(new HomesFileError(`${polygon}: features.0.geometry.type: only Point features are homes`));
    const swapped = fileWith(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [44.4, 273.2] } }] }));
    expect(() => loadHomesFile(swapped)).toThrow(/features\.0\.geometry\.coordinates\.1: /);
    expect(() => loadHomesFile(fileWith('{ not json'))).toThrow(/: not valid JSON$/);
    expect(() => loadHomesFile('/nowhere/town.geojson')).toThrow('/nowhere/town.geojson: no such file');
  });

  it('is loaded relative to the scenario file, and households live at its homes', () => {
    const scenario = parseScenario(withHomesFile('towns/little-river.geojson'), join(TEST_DIR, 'river.yaml'));
    expect(scenario.town.homePoints).toHaveLength(494);
    const homes = new Set(scenario.town.homePoints!.map((home) => `${home.lat},${home.lng}`));
    const town = planTown(scenario, keyedStream(1, 'town'));
    expect(town.households).toHaveLength(300);
    for (const household of town.households) expect(homes.has(`${household.location.lat},${household.location.lng}`)).toBe(true);
    expect(new Set(town.households.map((household) => `${household.location.lat},${household.location.lng}`)).size).toBe(300);
  });

  it('reports a bad homes file at the scenario line that names it, and refuses a centre written beside it', () => {
    const missing = withHomesFile('towns/nowhere.geojson');
    expect(() => parseScenario(missing, join(TEST_DIR, 'river.yaml'))).toThrow(
      new ScenarioError(`${join(TEST_DIR, 'river.yaml')}:9: town.homes: ${join(TEST_DIR, 'towns', 'nowhere.geojson')}: no such file`),
    );
    const both = withHomesFile('towns/little-river.geojson').replace('  homes:', '  sizeMeters: 900\n  homes:');
    expect(() => parseScenario(both, join(TEST_DIR, 'river.yaml'))).toThrow(/river\.yaml:9: town\.sizeMeters: comes from town\.homes; leave it out/);
    const tooMany = withHomesFile('towns/little-river.geojson').replace('households: 300', 'households: 600');
    expect(() => parseScenario(tooMany, join(TEST_DIR, 'river.yaml'))).toThrow(/town\.households: must be at most the number of homes given/);
  });
});
