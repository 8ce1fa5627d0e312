import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh token for a dashboard that listens beyond loopback: 32 random bytes, URL-safe. */
export function generateAccessToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Compares a presented token with the expected one in constant time. Both are hashed first so
 * the comparison takes the same time whatever the presented length.
 */
export function tokenMatches(expected: string, presented: string | undefined | null): boolean {
  if (presented === undefined || presented === null || presented === '') return false;
  const expectedDigest = createHash('sha256').update(expected, 'utf8').digest();
  const presentedDigest = createHash('sha256').update(presented, 'utf8').digest();
  return timingSafeEqual(expectedDigest, presentedDigest);
}
