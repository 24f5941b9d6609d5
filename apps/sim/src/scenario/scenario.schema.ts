import { PROFILE_NAMES } from './profile-names.js';
import { z } from 'zod';

const share = z.number().min(0).max(1);
const latLng = z.strictObject({ lat: z.number().min(-85).max(85), lng: z.number().min(-180).max(180) });
const positive = z.number().positive();
const date = z.iso.date();

/** How owners behave when asked (SIMULATOR.md, "Owners"); the kinds' shares add up to 1. */
const ownersSchema = z
  .strictObject({
    /** Shares of each kind of owner. */
    alwaysShare: share,
    shareIfSerious: share,
    never: share,
    /** Block police requests in their privacy settings: never asked. */
    blocksPolice: share,
    /** End-to-end encryption: never asked, never reachable. */
    endToEndEncryption: share,
    /** Of the owners who never chose, the share who opted in to police requests (what counts under an opt-in policy). */
    optedIn: share.default(0.2),
    /** Chance that an owner who would answer does so before a reminder (each reminder gives another such chance). */
    answerProbability: share.default(0.7),
    /** Hours from being asked to answering: log-normal. */
    responseDelayHours: z.strictObject({ median: positive, sigma: z.number().min(0).max(3) }).default({ median: 8, sigma: 1 }),
    /** Chance that an owner who shared withdraws later, within a week. */
    withdrawProbability: share.default(0.02),
    /** Share of owners a year who change a privacy setting: half opt out of police requests, half pick another retention. */
    privacyChangesPerYear: share.default(0),
  })
  .refine((owners) => Math.abs(owners.alwaysShare + owners.shareIfSerious + owners.never + owners.blocksPolice + owners.endToEndEncryption - 1) < 1e-9, {
    message: 'the shares of alwaysShare, shareIfSerious, never, blocksPolice and endToEndEncryption must add up to 1',
  });

const incidentSchema = z.strictObject({
  /** An incident type as requests name it (e.g. burglary, package-theft). */
  type: z.string().regex(/^[a-z][a-z-]{1,39}$/, 'lower-case words joined by -'),
  /** Serious incidents are shared by owners who share only for serious ones. */
  serious: z.boolean(),
  perThousandHouseholdsPerYear: z.number().min(0).max(10_000),
  /** Chance that police ask camera owners for footage of one. */
  requestProbability: share,
  /** Relative weight of each hour of the day (24 numbers); even by default. */
  hourWeights: z.array(z.number().min(0)).length(24).optional(),
});

const agencySchema = z.strictObject({
  name: z.string().min(1).max(120),
  kind: z.enum(['police', 'sheriff', 'fire', 'federal']),
  partnerSince: date,
  officers: z.number().int().min(1).max(50).default(2),
});

/** A scenario file (YAML), validated before anything runs. */
export const scenarioSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and -'),
  title: z.string().min(1).max(120),
  /** The lesson's question, shown in the report. */
  question: z.string().min(1).max(500),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
  policy: z.enum(PROFILE_NAMES).default('ring-2019'),
  start: date,
  durationDays: z.number().int().min(1).max(3 * 366),
  town: z
    .strictObject({
      center: latLng,
      /** The town is a square this wide, on a street grid. */
      sizeMeters: z.number().min(200).max(20_000),
      blockMeters: z.number().min(40).max(1000).default(150),
      households: z.number().int().min(1).max(200_000),
      /**
       * A GeoJSON file of homes (Point features, e.g. address points from OpenStreetMap), relative
       * to the scenario file: households live at drawn homes instead of on a generated street grid,
       * and the town's centre and size come from the homes' bounding box (load-scenario fills them).
       */
      homes: z.string().min(1).optional(),
      /** The homes themselves, as `homes` loads them; may be written inline for a small town. */
      homePoints: z.array(latLng).min(1).optional(),
    })
    .refine((town) => !town.homePoints || town.homePoints.length >= town.households, {
      message: 'must be at most the number of homes given',
      path: ['households'],
    }),
  /**
   * Where incidents are more (or less) frequent than the town's rates: a neighbourhood whose
   * centre lies in a hotspot has every incident rate multiplied by its factor (by the largest, if
   * in several). Incidents stay a Poisson process per neighbourhood.
   */
  incidentHotspots: z
    .array(z.strictObject({ center: latLng, radiusMeters: z.number().min(50).max(20_000), factor: z.number().min(0).max(20) }))
    .max(20)
    .default([]),
  adoption: z
    .strictObject({
      /** Households with a camera on the first day. */
      initialShare: share,
      /** The ceiling adoption tends to (logistic). */
      finalShare: share,
      /** Day of the run when adoption is halfway from initial to final. */
      midpointDay: z.number().min(0),
      /** How fast adoption rises around its midpoint, per day. */
      steepnessPerDay: z.number().positive().max(5).default(0.05),
    })
    .refine((adoption) => adoption.finalShare >= adoption.initialShare, { message: 'finalShare must be at least initialShare' }),
  /**
   * An agency's camera-subsidy programme (SIMULATOR.md, "The town"): from `startDay`, households
   * in its area without a camera are offered a discounted one, up to `budgetUnits`; `uptake` of
   * them accept. With strings attached (Akron, 2019) recipients agree to share when asked.
   */
  subsidy: z
    .strictObject({
      startDay: z.number().int().min(0),
      budgetUnits: z.number().int().min(1).max(1_000_000),
      /** Share of the price the programme pays: the larger, the more households accept. */
      discount: share,
      /** Of the households offered one, the share who accept at a full discount. */
      uptake: share.default(0.6),
      /** The programme's area: a circle around the town centre. */
      radiusMeters: z.number().min(50).max(20_000),
      withStrings: z.boolean().default(false),
    })
    .optional(),
  /**
   * A camera pilot (the "55% fewer break-ins?" lesson, SIMULATOR.md "Incidents"): after
   * `selectionDays` the neighbourhood with the most incidents of `incidentType` so far gets
   * doorbells on `cameraShare` of its homes without one; the report compares its incidents before
   * and after with the other neighbourhoods'. Cameras deter nothing in the model.
   */
  pilot: z
    .strictObject({
      incidentType: z.string().min(1),
      selectionDays: z.number().int().min(7),
      cameraShare: share,
    })
    .optional(),
  owners: ownersSchema,
  agencies: z.array(agencySchema).min(1).max(20),
  incidents: z.array(incidentSchema).min(1).max(20),
  police: z
    .strictObject({
      radiusMeters: z.strictObject({ min: z.number().min(10), max: z.number().min(10).max(5000) }),
      /** The window asked for: this long before and after the incident. */
      windowHours: z.strictObject({ before: z.number().min(0).max(48), after: z.number().min(0).max(48) }),
      /** From the incident to the request. */
      delayHours: z.strictObject({ min: z.number().min(0), max: z.number().min(0).max(24 * 90) }),
      /** Chance that an officer refused by a rule tries once more within it. */
      retryAfterRefusal: share.default(0.7),
      /** Chance that a moderator approves a request under review, and how long they take (hours). */
      reviewApproval: share.default(0.9),
      reviewDelayHours: z.number().min(0).max(24 * 14).default(12),
      /** Chance per open request that the officer also claims footage without consent: an emergency, or a warrant. */
      emergencyOverridePerRequest: share.default(0),
      warrantPerRequest: share.default(0),
      /** Chance that a moderator approves an override that waits for one. */
      overrideApproval: share.default(0.8),
    })
    .refine((police) => police.radiusMeters.min <= police.radiusMeters.max && police.delayHours.min <= police.delayHours.max, {
      message: 'each min must be at most its max',
    }),
  /**
   * The neighbours' feed (SIMULATOR.md, "Feed"): posts a day per 1,000 households; the share that
   * describe people by race alone; how many neighbours read each, and the chance that a reader
   * reports such a post; how often a moderator removes one they review, and after how long.
   */
  feed: z
    .strictObject({
      postsPerThousandHouseholdsPerDay: z.number().min(0).max(100),
      raceOnlyShare: share,
      readersPerPost: z.number().int().min(0).max(100).default(10),
      reportProbability: share,
      moderatorRemovesRaceOnly: share.default(0.8),
      moderationDelayHours: z.number().min(0).max(24 * 14).default(24),
    })
    .optional(),
  /** A camera this close to an incident records it (its clip covers the incident). */
  cameraSeesIncidentMeters: z.number().min(1).max(200).default(35),
}).superRefine((scenario, context) => {
  const { pilot } = scenario;
  if (!pilot) return;
  if (!scenario.incidents.some((type) => type.type === pilot.incidentType)) {
    context.addIssue({ code: 'custom', path: ['pilot', 'incidentType'], message: `must be one of the incidents' types (${scenario.incidents.map((type) => type.type).join(', ')})` });
  }
  if (pilot.selectionDays * 2 > scenario.durationDays) {
    context.addIssue({ code: 'custom', path: ['pilot', 'selectionDays'], message: 'must leave as many days after the pilot starts as before it (at most half of durationDays)' });
  }
});

export type Scenario = z.output<typeof scenarioSchema>;
export type Pilot = NonNullable<Scenario['pilot']>;
export type IncidentType = Scenario['incidents'][number];
