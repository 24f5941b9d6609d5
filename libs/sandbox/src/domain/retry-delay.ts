const FIRST_DELAY_MS = 20;
const MAX_DELAY_MS = 500;

/**
 * Exponential back-off with "equal jitter": attempt n waits between half and all of
 * min(MAX, FIRST·2^(n-1)), so two resets that collided do not collide again in step.
 * `random` is in [0, 1).
 */
export function retryDelayMs(attempt: number, random: number): number {
  const ceiling = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}
