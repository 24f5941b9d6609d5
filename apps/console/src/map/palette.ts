/**
 * Colour-blind-safe colours: Okabe–Ito for categories (agencies, areas), a viridis ramp for counts
 * (ordered by lightness, so it still reads in grey on a washed-out projector).
 */
export const CATEGORY = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00'] as const;
export const DRAFT_AREA = '#0072B2';
export const REQUEST_AREA = '#D55E00';
const RAMP = ['#fde725', '#7ad151', '#22a884', '#2a788e', '#414487', '#440154'];

/** The ramp's colour for `count` among counts up to `max`. */
export function countColour(count: number, max: number): string {
  if (max <= 1) return RAMP[2]!;
  const index = Math.round(((count - 1) / (max - 1)) * (RAMP.length - 1));
  return RAMP[Math.min(RAMP.length - 1, Math.max(0, index))]!;
}
