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

export const figures = (samples: number[]) => ({ p50: round(percentile(samples, 50)), p95: round(percentile(samples, 95)) });

/** The service's and the raw side's figures and their ratios, for samples taken in the same run. */
export const compare = (service: number[], raw: number[]) => ({
  serviceMs: figures(service),
  rawMs: figures(raw),
  ratioP50: round(percentile(service, 50) / percentile(raw, 50)),
  ratioP95: round(percentile(service, 95) / percentile(raw, 95)),
});

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
