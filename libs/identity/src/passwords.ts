import argon2 from 'argon2';

export const hashPassword = (password: string): Promise<string> => argon2.hash(password, { type: argon2.argon2id });

export const verifyPassword = (hash: string, password: string): Promise<boolean> => argon2.verify(hash, password);

let decoy: Promise<string> | undefined;

/**
 * Verifies against a throw-away hash, so a login for an unknown email costs as much as a wrong
 * password and response time does not tell which emails have accounts.
 */
export async function verifyDecoy(password: string): Promise<false> {
  decoy ??= hashPassword(`decoy-${Math.random()}`);
  await argon2.verify(await decoy, password);
  return false;
}
