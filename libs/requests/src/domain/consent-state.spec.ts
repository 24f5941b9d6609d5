import { describe, expect, it } from '@jest/globals';
import { transition, type ConsentEvent } from './consent-state.js';
import { CONSENT_STATES } from './request.js';

describe('consent states (W3C DPV)', () => {
  it.each([
    ['requested', 'give', 'given'],
    ['requested', 'refuse', 'refused'],
    ['requested', 'expire', 'expired'],
    ['given', 'withdraw', 'withdrawn'],
  ] as const)('%s --%s--> %s', (from, event, to) => {
    expect(transition(from, event)).toEqual({ ok: true, state: to });
  });

  it('refuses every other move, naming the state it was tried from', () => {
    const allowed = new Set(['requested/give', 'requested/refuse', 'requested/expire', 'given/withdraw']);
    const events: ConsentEvent[] = ['give', 'refuse', 'expire', 'withdraw'];
    for (const from of CONSENT_STATES) {
      for (const event of events) {
        if (!allowed.has(`${from}/${event}`)) expect(transition(from, event)).toEqual({ ok: false, from, event });
      }
    }
  });
});
