import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { HomesFileError, loadHomesFile } from './homes-file.js';
import { scenarioSchema, type Scenario } from './scenario.schema.js';

/** A scenario that cannot run, in one sentence naming the file, the line and the field. */
export class ScenarioError extends Error {}

/** The scenarios shipped with Porchlight, one YAML file each. */
export const SHIPPED_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../scenarios');

export function shippedScenarios(): Scenario[] {
  return readdirSync(SHIPPED_DIR)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file) => loadScenarioFile(join(SHIPPED_DIR, file)));
}

/** The file of shipped scenario `name`, if the simulator ships one of that name. */
export function shippedScenarioFile(name: string): string | undefined {
  const file = join(SHIPPED_DIR, `${name}.yaml`);
  return /^[a-z0-9-]+$/.test(name) && existsSync(file) ? file : undefined;
}

/** A shipped scenario's name, or the path of a YAML file. */
export function loadScenario(nameOrPath: string): Scenario {
  const shipped = shippedScenarioFile(nameOrPath);
  if (shipped !== undefined) return loadScenarioFile(shipped);
  if (!existsSync(nameOrPath)) {
    const names = readdirSync(SHIPPED_DIR).filter((file) => file.endsWith('.yaml')).map((file) => basename(file, '.yaml'));
    throw new ScenarioError(`No scenario "${nameOrPath}": give a YAML file or one of ${names.join(', ')}`);
  }
  return loadScenarioFile(nameOrPath);
}

export function loadScenarioFile(path: string): Scenario {
  return parseScenario(readFileSync(path, 'utf8'), path);
}

/** Parses and validates a scenario's text; `source` names it in errors. */
export function parseScenario(text: string, source: string): Scenario {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const syntax = document.errors[0];
  if (syntax) {
    const { line } = lineCounter.linePos(syntax.pos[0]);
    throw new ScenarioError(`${source}:${line}: not valid YAML (${syntax.message.split('\n')[0]})`);
  }
  const parsed = scenarioSchema.safeParse(withHomes(document.toJS(), document, lineCounter, source));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  // An unknown field is pointed at where it is written.
  const where = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
  throw new ScenarioError(`${source}:${lineOf(document, lineCounter, where)}: ${fieldName(issue)} ${issue.message}`);
}

/**
 * A town drawn from a homes file (`town.homes`, relative to the scenario file) gets its homes,
 * centre and size from it before validation, so a bad file is reported like a bad field.
 */
function withHomes(raw: unknown, document: ReturnType<typeof parseDocument>, lineCounter: LineCounter, source: string): unknown {
  const town = (raw as { town?: Record<string, unknown> } | null)?.town;
  if (typeof town?.homes !== 'string') return raw;
  for (const field of ['center', 'sizeMeters', 'homePoints']) {
    if (town[field] !== undefined) {
      throw new ScenarioError(`${source}:${lineOf(document, lineCounter, ['town', field])}: town.${field}: comes from town.homes; leave it out`);
    }
  }
  try {
    Object.assign(town, loadHomesFile(resolve(dirname(source), town.homes)));
  } catch (error) {
    if (!(error instanceof HomesFileError)) throw error;
    throw new ScenarioError(`${source}:${lineOf(document, lineCounter, ['town', 'homes'])}: town.homes: ${error.message}`);
  }
  return raw;
}

/** The line of the deepest node of `path` the file has (the parent's, for a missing field). */
function lineOf(document: ReturnType<typeof parseDocument>, lineCounter: LineCounter, path: PropertyKey[]): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? document.contents : document.getIn(path.slice(0, depth) as (string | number)[], true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return 1;
}

function fieldName(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  const unknown = issue.code === 'unrecognized_keys' ? ` (${issue.keys.join(', ')})` : '';
  return path === '' ? `scenario${unknown}:` : `${path}${unknown}:`;
}
