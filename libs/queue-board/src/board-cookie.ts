/** Where the api serves the board: its pages, assets and JSON API, and the cookie's scope. */
export const QUEUE_BOARD_PATH = '/admin/queues';

export const BOARD_COOKIE = 'porchlight_queue_board';

/** The value of one cookie in a `Cookie` header; a JWT needs no decoding (base64url and dots). */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const pair of (header ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator > 0 && pair.slice(0, separator).trim() === name) return pair.slice(separator + 1).trim() || undefined;
  }
  return undefined;
}

/**
 * Seconds until a (verified) JWT expires, read from its `exp` claim, so the cookie never outlives
 * the token inside it. A token without `exp` gets a session cookie (undefined).
 */
export function secondsLeft(token: string, nowMs: number): number | undefined {
  try {
    const { exp } = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof exp === 'number' ? Math.max(0, Math.floor(exp - nowMs / 1000)) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The board's session: HttpOnly (no script reads it), SameSite=Strict (no other site can make the
 * browser send it, which is the board's CSRF protection for retry/clean), only below the board's path.
 */
export function boardCookie(token: string, maxAgeSeconds: number | undefined, secure: boolean): string {
  return [
    `${BOARD_COOKIE}=${token}`,
    `Path=${QUEUE_BOARD_PATH}`,
    ...(maxAgeSeconds === undefined ? [] : [`Max-Age=${maxAgeSeconds}`]),
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export function clearedBoardCookie(secure: boolean): string {
  return boardCookie('', 0, secure);
}
