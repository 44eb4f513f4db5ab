import { hash, verify } from '@node-rs/argon2';

export const MIN_PASSWORD_LENGTH = 12;

/** argon2id with the library's defaults (m=19 MiB, t=2, p=1: the OWASP minimum; ~26 ms here). */
export const hashPassword = (password: string): Promise<string> => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed hash in the database is a wrong password, not a 500 that tells the account exists.
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies against a hash of nothing in particular, so that a login for an unknown address costs as
 * much time as one for a known address with a wrong password.
 */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hash('buurtsignaal-dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
}
