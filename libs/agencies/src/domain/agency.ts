export const AGENCY_KINDS = ['police', 'sheriff', 'fire', 'federal'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** What the public sees about an agency's use of the platform. */
export interface AgencyStats {
  /** Accounts with the officer role in this agency. */
  officers: number;
  /** Footage requests it ever made, deleted ones included. */
  requestsMade: number;
  /** Owners its requests reached (one per request and owner). */
  ownersAsked: number;
  /** Of those, the ones who shared footage, including shares withdrawn later. */
  shares: number;
}

export interface AgencySearch {
  zip?: string;
  /** Part of the name or the city, any letter case. */
  q?: string;
  bbox?: { minLng: number; minLat: number; maxLng: number; maxLat: number };
}

/** A LIKE pattern matching `text` anywhere, with `%`, `_` and `\` in it taken literally. */
export const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
