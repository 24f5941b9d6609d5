import { describe, expect, it } from '@jest/globals';
import { redactQueryToken } from '@app/logging';
import { BOARD_COOKIE, boardCookie, cookieValue, secondsLeft } from '../board-cookie.js';

const jwtWith = (payload: object): string =>
  ['e30', Buffer.from(JSON.stringify(payload)).toString('base64url'), 'signature'].join('.');

describe('the queue board session cookie', () => {
  it('finds its own cookie among others and ignores look-alike names', () => {
    const header = `other=1; x${BOARD_COOKIE}=wrong; ${BOARD_COOKIE}=a.b.c; last=2`;
    expect(cookieValue(header, BOARD_COOKIE)).toBe('a.b.c');
    expect(cookieValue('other=1', BOARD_COOKIE)).toBeUndefined();
    expect(cookieValue(undefined, BOARD_COOKIE)).toBeUndefined();
  });

  it('never outlives the token inside it', () => {
    const now = Date.UTC(2026, 0, 1);
    expect(secondsLeft(jwtWith({ exp: now / 1000 + 600 }), now)).toBe(600);
    expect(secondsLeft(jwtWith({ exp: now / 1000 - 5 }), now)).toBe(0);
    expect(secondsLeft(jwtWith({}), now)).toBeUndefined();
    expect(secondsLeft('not-a-jwt', now)).toBeUndefined();
  });

  it('is HttpOnly, SameSite=Strict, scoped to the board, and Secure over HTTPS', () => {
    expect(boardCookie('a.b.c', 600, false)).toBe(`${BOARD_COOKIE}=a.b.c; Path=/admin/queues; Max-Age=600; HttpOnly; SameSite=Strict`);
    expect(boardCookie('a.b.c', 600, true)).toMatch(/; Secure$/);
  });

  it('keeps the ?token= of a browser login out of the request log', () => {
    expect(redactQueryToken('/admin/queues?token=a.b.c')).toBe('/admin/queues?token=[REDACTED]');
    expect(redactQueryToken('/admin/queues/queue/outbox?status=failed&token=a.b.c&page=2')).toBe(
      '/admin/queues/queue/outbox?status=failed&token=[REDACTED]&page=2',
    );
    expect(redactQueryToken('/api/feed?tokens=1')).toBe('/api/feed?tokens=1');
  });
});
