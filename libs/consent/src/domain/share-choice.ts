/** What the owner answered: share all or some of the offered recordings, or decline. */
export interface ConsentAnswer {
  decision: 'share' | 'decline';
  recordingIds?: string[];
}

export type ShareChoice =
  | { ok: true; recordingIds: string[] }
  | { ok: false; code: 'RECORDINGS_EMPTY' | 'RECORDINGS_NOT_OFFERED' | 'DECLINE_WITH_RECORDINGS' | 'NOTHING_TO_SHARE'; message: string; details?: Record<string, unknown> };

/**
 * Invariant 3: a share covers exactly a non-empty subset of the offered recordings (all of them
 * when none are named); a decline names none. Repeated ids count once. Offered ids keep their
 * order so that the receipt lists them the same way every time.
 */
export function chooseRecordings(answer: ConsentAnswer, offered: readonly string[]): ShareChoice {
  if (answer.decision === 'decline') {
    return answer.recordingIds === undefined
      ? { ok: true, recordingIds: [] }
      : { ok: false, code: 'DECLINE_WITH_RECORDINGS', message: 'A decline shares nothing: leave recordingIds out' };
  }
  if (answer.recordingIds === undefined) {
    return offered.length > 0
      ? { ok: true, recordingIds: [...offered] }
      : { ok: false, code: 'NOTHING_TO_SHARE', message: 'None of the offered recordings exists any more' };
  }
  if (answer.recordingIds.length === 0) {
    return { ok: false, code: 'RECORDINGS_EMPTY', message: 'Name at least one offered recording, or leave recordingIds out to share all' };
  }
  const named = new Set(answer.recordingIds);
  const notOffered = [...named].filter((id) => !offered.includes(id));
  if (notOffered.length > 0) {
    return { ok: false, code: 'RECORDINGS_NOT_OFFERED', message: 'Only recordings offered for this request can be shared', details: { notOffered } };
  }
  return { ok: true, recordingIds: offered.filter((id) => named.has(id)) };
}
