import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const SPECIAL = new Set(['(garbage collector)', '(idle)', '(program)', '(root)']);

/** Where a frame's code lives: an npm package, one of our libs or apps, Node itself, or V8. */
export function groupOf({ functionName, url }: ProfileNode['callFrame']): string {
  if (SPECIAL.has(functionName)) return functionName;
  const inPackage = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (inPackage) return inPackage[1]!;
  const ours = /\/((?:libs|apps|bench)\/[^/]+)\//.exec(url);
  if (ours) return ours[1]!;
  if (url.startsWith('node:')) return 'node (built-in modules)';
  return url === '' ? '(native: V8 builtins, JSON, regexps)' : url;
}

const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1).padStart(5)} %`;

/**
 * A V8 CPU profile as text: self time by where the code lives, and the functions with the most
 * self time. Self time is what a function spent in its own code, not in what it called.
 */
export function summariseCpuProfile(file: string, top = 20): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  // timeDeltas[i] is the time since the previous sample: it belongs to sample i - 1.
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0)));

  const groups = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, us] of selfUs) {
    const { callFrame } = byId.get(id)!;
    total += us;
    if (callFrame.functionName === '(idle)') idle += us;
    const group = groupOf(callFrame);
    groups.set(group, (groups.get(group) ?? 0) + us);
    const name = `${callFrame.functionName || '(anonymous)'} ${callFrame.url.replace(/^.*\/node_modules\//, '').replace(/^file:\/\/.*?\/(libs|apps|bench)\//, '$1/')}:${callFrame.lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + us);
  }
  const busy = total - idle;
  const rank = (entries: Map<string, number>) =>
    [...entries]
      .filter(([name]) => name !== '(idle)')
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => `${percent(us, busy)}  ${(us / 1000).toFixed(0).padStart(6)} ms  ${name}`)
      .join('\n');
  return [
    `CPU profile ${file}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy (percentages of busy time)`,
    'self time by where the code lives:',
    rank(groups),
    `functions with the most self time (top ${top}):`,
    rank(functions),
  ].join('\n');
}
