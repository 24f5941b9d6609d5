import { xoroshiro128plus, type RandomGenerator } from 'pure-rand';

/**
 * A seeded stream of numbers: the simulator's only source of chance (no Math.random), so the same
 * scenario, seed and policy give the same run.
 */
export class RandomStream {
  constructor(private readonly generator: RandomGenerator) {}

  /** Uniform in [0, 1). */
  next(): number {
    return (this.generator.unsafeNext() >>> 0) / 2 ** 32;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** An integer in [0, count). */
  index(count: number): number {
    return Math.min(count - 1, Math.floor(this.next() * count));
  }

  pick<T>(items: readonly T[]): T {
    return items[this.index(items.length)]!;
  }

  /** Picks a key with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let point = this.next() * total;
    for (const [key, weight] of entries) {
      point -= weight;
      if (point < 0) return key;
    }
    return entries[entries.length - 1]![0];
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** Log-normal with the given median and shape. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Waiting time of a Poisson process with `rate` events per unit. */
  exponential(rate: number): number {
    return -Math.log(1 - this.next()) / rate;
  }
}

/** FNV-1a: a stream's name as a number, so each concern gets its own seed. */
function hashName(name: string): number {
  let hash = 0x811c9dc5;
  for (const char of name) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  return hash >>> 0;
}

/**
 * Independent streams per concern: drawing one more number for an owner's answer does not shift
 * the incidents that follow (SIMULATOR.md, "Clock and events").
 */
export const STREAMS = ['town', 'incidents', 'feed', 'privacy'] as const;
export type StreamName = (typeof STREAMS)[number];

export function randomStreams(seed: number): Record<StreamName, RandomStream> {
  return Object.fromEntries(STREAMS.map((name) => [name, keyedStream(seed, name)])) as Record<StreamName, RandomStream>;
}

/**
 * A stream of its own for one decision (e.g. one owner answering one incident's request), so it
 * draws the same numbers whatever the policy changed before it: under another policy the same
 * owner, asked about the same incident, is the same person.
 */
export function keyedStream(seed: number, ...keys: (string | number)[]): RandomStream {
  const generator = xoroshiro128plus(mix(seed ^ hashName(keys.join('/'))) | 0);
  // Seeds that differ in few bits start with related numbers; the first few are dropped.
  for (let i = 0; i < WARM_UP; i++) generator.unsafeNext();
  return new RandomStream(generator);
}

const WARM_UP = 8;

/** MurmurHash3's finaliser: spreads every bit of the seed over the whole word. */
function mix(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
