import { answer, clientFor } from '../api.js';

/** Which town the sandbox holds: Porchlight Falls, or a simulator scenario's own (a lesson's). */
export type TownSource = { kind: 'demo' } | { kind: 'scenario'; scenario: string };

const STORAGE_KEY = 'porchlight.town';

/** The town this tab last loaded, so a reload loads the same one again (both loads are idempotent). */
export function storedTownSource(): TownSource {
  try {
    const stored = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as TownSource | null;
    return stored?.kind === 'scenario' && typeof stored.scenario === 'string' ? stored : { kind: 'demo' };
  } catch {
    return { kind: 'demo' };
  }
}

/** Loads `source` into the current world (what exists is left alone) and remembers it for the tab. */
export async function loadTownFrom(sandboxKey: string, source: TownSource) {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(source));
  const client = clientFor({ sandboxKey });
  return answer(source.kind === 'scenario' ? client.POST('/api/sandbox/scenario-town', { body: { scenario: source.scenario } }) : client.POST('/api/sandbox/demo-town'));
}
