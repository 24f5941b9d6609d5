export const AGENCY_KINDS = ['police', 'sheriff', 'fire'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/**
 * What the public sees about an agency's use of the platform. Only what can be counted
 * truthfully today: footage requests, owners asked and shares join when requests exist.
 */
export interface AgencyStats {
  /** Accounts with the officer role in this agency. */
  officers: number;
}

export interface AgencySearch {
  zip?: string;
  /** Part of the name or the city, any letter case. */
  q?: string;
  bbox?: { minLng: number; minLat: number; maxLng: number; maxLat: number };
}

/** A LIKE pattern matching `text` anywhere, with `%`, `_` and `\` in it taken literally. */
export const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
