import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Random, URL-safe secrets for refresh tokens and one-time links; only their SHA-256 is stored. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function secretMatches(secret: string, expectedHash: string): boolean {
  const actual = Buffer.from(hashSecret(secret), 'hex');
  const expected = Buffer.from(expectedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * The secret that follows `secret` in a session's rotation. Derived (keyed with a server secret) rather than
 * random, so a refresh that races another with the same token can be given the very same new secret.
 */
export function successorSecret(serverKey: string, sessionId: string, secret: string): string {
  return createHmac('sha256', serverKey)
    .update(`refresh-rotation:${sessionId}:${secret}`)
    .digest('base64url');
}
