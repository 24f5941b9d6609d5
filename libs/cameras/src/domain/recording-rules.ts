export const RECORDING_TRIGGERS = ['motion', 'ring', 'live'] as const;
export type RecordingTrigger = (typeof RECORDING_TRIGGERS)[number];

/** A simulated clip is at most one hour long (a CHECK constraint enforces it too). */
export const MAX_RECORDING_SECONDS = 3600;

export interface RecordingProblem {
  /** 'invalid': the input makes no sense (400); 'rule': a sensible clip this service refuses (422). */
  kind: 'invalid' | 'rule';
  code: 'RECORDING_ENDS_BEFORE_START' | 'RECORDING_TOO_LONG' | 'RECORDING_IN_FUTURE';
  message: string;
  details?: Record<string, unknown>;
}

/** Why a clip from `startedAt` to `endedAt` cannot be stored at `now`, or null when it can. */
export function recordingProblem(startedAt: Date, endedAt: Date, now: Date): RecordingProblem | null {
  if (endedAt.getTime() <= startedAt.getTime()) {
    return { kind: 'invalid', code: 'RECORDING_ENDS_BEFORE_START', message: 'endedAt must be after startedAt' };
  }
  const seconds = (endedAt.getTime() - startedAt.getTime()) / 1000;
  if (seconds > MAX_RECORDING_SECONDS) {
    return {
      kind: 'rule',
      code: 'RECORDING_TOO_LONG',
      message: `A recording lasts at most ${MAX_RECORDING_SECONDS} seconds`,
      details: { seconds, maxSeconds: MAX_RECORDING_SECONDS },
    };
  }
  if (endedAt.getTime() > now.getTime()) {
    return {
      kind: 'rule',
      code: 'RECORDING_IN_FUTURE',
      message: 'A recording cannot end after the current time',
      details: { now: now.toISOString() },
    };
  }
  return null;
}
