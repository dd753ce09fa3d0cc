import { randomInt } from 'node:crypto';
import { keyedHash, sameString, type DerivedKey, type SecretKeys } from '@dash/config';

/** A uniformly random 6-digit code. */
export const newCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

/**
 * The code-hashing keys as the one `secret` string a challenge's settings carry: `kid=key`
 * pairs (base64url), the current one first. Derived for this purpose alone (HKDF), so the key
 * that hashes codes signs and seals nothing else.
 */
export function codeHashingSecret(keys: SecretKeys): string {
  return keys
    .all('code-hashing')
    .map(({ kid, key }) => `${kid}=${key.toString('base64url')}`)
    .join(',');
}

const codeKeys = (secret: string): DerivedKey[] =>
  secret.split(',').map((pair) => {
    const separator = pair.indexOf('=');
    if (separator <= 0) throw new Error('code hashing needs keys from codeHashingSecret()');
    return {
      kid: pair.slice(0, separator),
      key: Buffer.from(pair.slice(separator + 1), 'base64url'),
    };
  });

/**
 * Six digits are easy to guess offline from a plain hash, so codes are hashed with a server key
 * and bound to their challenge: a stolen table is useless without the secret. The hash names
 * its key (`<kid>:<hmac>`), so a code sent just before a rotation still matches after it.
 */
export function hashCode(secret: string, challengeId: string, code: string): string {
  const current = codeKeys(secret)[0]!;
  return `${current.kid}:${keyedHash(current, `${challengeId}:${code}`)}`;
}

export function codeMatches(
  secret: string,
  challengeId: string,
  code: string,
  storedHash: string,
): boolean {
  const separator = storedHash.indexOf(':');
  const kid = storedHash.slice(0, separator);
  const key = codeKeys(secret).find((candidate) => candidate.kid === kid);
  if (separator <= 0 || !key) return false;
  return sameString(`${kid}:${keyedHash(key, `${challengeId}:${code}`)}`, storedHash);
}
