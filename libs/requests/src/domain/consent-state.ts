import type { ConsentState } from './request.js';

/**
 * An owner's consent to one request, as W3C DPV states: requested → given | refused | expired;
 * given → withdrawn. Every other move is refused with the state it was tried from.
 */
export type ConsentEvent = 'give' | 'refuse' | 'expire' | 'withdraw';

const TRANSITIONS: Record<ConsentEvent, { from: ConsentState; to: ConsentState }> = {
  give: { from: 'requested', to: 'given' },
  refuse: { from: 'requested', to: 'refused' },
  expire: { from: 'requested', to: 'expired' },
  withdraw: { from: 'given', to: 'withdrawn' },
};

export type ConsentTransition = { ok: true; state: ConsentState } | { ok: false; from: ConsentState; event: ConsentEvent };

export function transition(from: ConsentState, event: ConsentEvent): ConsentTransition {
  const move = TRANSITIONS[event];
  return move.from === from ? { ok: true, state: move.to } : { ok: false, from, event };
}
