import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SECRET_PATTERN = /^sk_(test|live)_[0-9A-Za-z]{32}$/;

/** `length` base62 characters (32 are ~190 bits), unbiased. */
export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
    }
  }
  return out;
}

/** A new secret key in Stripe's shape: sk_test_… or sk_live_…. */
export function newSecretKey(livemode: boolean): string {
  return `sk_${livemode ? 'live' : 'test'}_${randomBase62(32)}`;
}

/** Whether a string looks like one of our secret keys, and which mode it is for. */
export function parseSecretKey(secret: string): { livemode: boolean } | undefined {
  const match = SECRET_PATTERN.exec(secret);
  return match ? { livemode: match[1] === 'live' } : undefined;
}

/**
 * Secrets are long and random, so a fast hash is enough to make a stolen table useless and
 * lets a key be found by its hash; passwords would need a slow one.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
