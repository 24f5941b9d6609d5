/** What an officer asks for: a circle around the incident and a window around its time. */
export interface RequestShape {
  radiusMeters: number;
  windowStart: number;
  windowEnd: number;
}

/** The limits of the policy in force that a request's shape must meet (PolicyRules' names). */
export interface ShapeLimits {
  minAreaSquareMeters: number;
  maxAreaSquareMeters: number;
  minWindowSeconds: number;
  maxWindowSeconds: number;
}

/** Inside a limit by this much, so rounding of the area on the server cannot refuse it again. */
const MARGIN = 0.02;

/**
 * An officer refused for the area or the window tries again within the rule (SIMULATOR.md,
 * "Police"): the circle grown or shrunk to the allowed area, the window cut or widened to the
 * allowed length around the incident. Other refusals cannot be fixed by reshaping: null.
 */
export function fitToRule(code: string, shape: RequestShape, incidentAt: number, limits: ShapeLimits): RequestShape | null {
  switch (code) {
    case 'POLICY_AREA_TOO_LARGE':
      return { ...shape, radiusMeters: Math.sqrt((limits.maxAreaSquareMeters * (1 - MARGIN)) / Math.PI) };
    case 'POLICY_AREA_TOO_SMALL':
      return { ...shape, radiusMeters: Math.sqrt((limits.minAreaSquareMeters * (1 + MARGIN)) / Math.PI) };
    case 'POLICY_WINDOW_TOO_LONG':
      return centredWindow(shape, incidentAt, limits.maxWindowSeconds * 1000 * (1 - MARGIN));
    case 'POLICY_WINDOW_TOO_SHORT':
      return centredWindow(shape, incidentAt, limits.minWindowSeconds * 1000 * (1 + MARGIN));
    default:
      return null;
  }
}

/** A window of `lengthMs` (whole minutes) around the incident. */
function centredWindow(shape: RequestShape, incidentAt: number, lengthMs: number): RequestShape {
  const minutes = Math.max(1, Math.floor(lengthMs / 60_000));
  const start = incidentAt - Math.floor(minutes / 2) * 60_000;
  return { ...shape, windowStart: start, windowEnd: start + minutes * 60_000 };
}
