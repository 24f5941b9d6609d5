import { normalizeEmail } from './email.js';

/**
 * What one login rate-limit counter is about: a client address together with the account it
 * tries. Guessing one account's password is limited, while a shared address (an office NAT, a
 * classroom) still lets other people sign in.
 */
export function loginTracker(ip: string, body: unknown): string {
  const email = (body as { email?: unknown } | null | undefined)?.email;
  return `${ip}|${typeof email === 'string' ? normalizeEmail(email) : ''}`;
}
