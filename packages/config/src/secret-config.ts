import { z } from 'zod';
import { DEV_INTERNAL_SECRET, nodeEnv } from './fields.js';
import { ConfigError } from './load.js';
import { SecretKeys, type RootSecret } from './secret-keys.js';

/** The root secret the tests use (published in this repository, so refused in production). */
export const TEST_INTERNAL_SECRET = 'test-internal-secret-0123456789abcdef';

/** Secrets anyone can read in this repository: never a key in production. */
const PUBLISHED_SECRETS = new Set([
  DEV_INTERNAL_SECRET,
  TEST_INTERNAL_SECRET,
  // Earlier releases' development and test secrets.
  'dev-internal-secret-change-me',
  'test-internal-secret-0123456789',
]);

const MIN_SECRET_LENGTH = 32;
const rootSecret = () =>
  z
    .string()
    .min(
      MIN_SECRET_LENGTH,
      `must be at least ${MIN_SECRET_LENGTH} characters (e.g. openssl rand -base64 32)`,
    );

/**
 * `DASH_SECRET_KEYS`: root secrets as `kid:secret` pairs separated by commas, the current one
 * first, e.g. `2026b:…,2026a:…`. Everything new is signed or sealed with the first; every one
 * listed still verifies and opens what was made with it.
 */
const secretKeyList = () =>
  z.string().transform((value, context): RootSecret[] => {
    const roots: RootSecret[] = [];
    for (const entry of value.split(',').map((part) => part.trim())) {
      const separator = entry.indexOf(':');
      const kid = entry.slice(0, separator);
      const secret = entry.slice(separator + 1);
      if (separator <= 0 || !/^[A-Za-z0-9_-]{1,16}$/.test(kid)) {
        context.addIssue({
          code: 'custom',
          message: 'must be kid:secret pairs separated by commas (kid: 1–16 letters or digits)',
        });
        return z.NEVER;
      }
      if (secret.length < MIN_SECRET_LENGTH) {
        context.addIssue({
          code: 'custom',
          message: `the secret of key "${kid}" must be at least ${MIN_SECRET_LENGTH} characters`,
        });
        return z.NEVER;
      }
      if (roots.some((root) => root.kid === kid)) {
        context.addIssue({ code: 'custom', message: `key id "${kid}" is listed twice` });
        return z.NEVER;
      }
      roots.push({ kid, secret });
    }
    return roots;
  });

/**
 * The fields every process that signs, hashes or seals reads. `DASH_INTERNAL_SECRET` stays as
 * the simple form: one root, known as key id `k1` (so a later `DASH_SECRET_KEYS=k2:…,k1:…`
 * rotates away from it).
 */
export const secretKeyFields = () => ({
  NODE_ENV: nodeEnv(),
  DASH_SECRET_KEYS: secretKeyList().optional(),
  DASH_INTERNAL_SECRET: rootSecret().optional(),
});

export const SINGLE_SECRET_KID = 'k1';
export const DEV_SECRET_KID = 'dev';

/**
 * The key ring from the fields above, failing closed: in production a secret must be configured
 * and must not be one published in this repository; only development and test fall back to the
 * development secret.
 */
export function secretKeysOf(raw: {
  NODE_ENV: 'development' | 'test' | 'production';
  DASH_SECRET_KEYS?: RootSecret[] | undefined;
  DASH_INTERNAL_SECRET?: string | undefined;
}): SecretKeys {
  if (raw.DASH_SECRET_KEYS && raw.DASH_INTERNAL_SECRET)
    throw new ConfigError([
      'DASH_INTERNAL_SECRET: set either DASH_SECRET_KEYS or DASH_INTERNAL_SECRET, not both (list the old secret in DASH_SECRET_KEYS as k1:<secret>)',
    ]);
  const roots: RootSecret[] | undefined =
    raw.DASH_SECRET_KEYS ??
    (raw.DASH_INTERNAL_SECRET
      ? [{ kid: SINGLE_SECRET_KID, secret: raw.DASH_INTERNAL_SECRET }]
      : undefined);
  if (raw.NODE_ENV === 'production') {
    if (!roots)
      throw new ConfigError([
        'DASH_SECRET_KEYS: must be set in production (kid:secret pairs, current first; or DASH_INTERNAL_SECRET for a single secret) (not set)',
      ]);
    const published = roots.find((root) => PUBLISHED_SECRETS.has(root.secret));
    if (published)
      throw new ConfigError([
        `DASH_SECRET_KEYS: key "${published.kid}" is the development or test secret published with this project; production needs a private one`,
      ]);
  }
  return new SecretKeys(roots ?? [{ kid: DEV_SECRET_KID, secret: DEV_INTERNAL_SECRET }]);
}

/** A key ring from plain values, for tests and tools: `keysFrom('a:…', 'b:…')`, current first. */
export function keyRing(...pairs: string[]): SecretKeys {
  return new SecretKeys(
    pairs.map((pair) => {
      const separator = pair.indexOf(':');
      return { kid: pair.slice(0, separator), secret: pair.slice(separator + 1) };
    }),
  );
}
