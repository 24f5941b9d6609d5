/** Percentile of a sample in milliseconds (nearest rank). */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function timeMs(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export const round = (value: number): number => Math.round(value * 100) / 100;

/** A repeatable sequence in [0, 1) (Park–Miller), so every run times the same cases. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 16807) % 2147483647) - 1) / 2147483646;
}

/** Phases of a load in milliseconds → seconds (two decimals), with their total. */
export function inSeconds<Phase extends string>(ms: Record<Phase, number>): Record<Phase | 'total', number> {
  const phases = Object.entries(ms) as [Phase, number][];
  const total = phases.reduce((sum, [, value]) => sum + value, 0);
  return { ...Object.fromEntries(phases.map(([phase, value]) => [phase, round(value / 1000)])), total: round(total / 1000) } as Record<Phase | 'total', number>;
}
