import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The operators' tokens as SHA-256 digests only: the secrets are dropped once read, so neither a
 * heap dump nor a log line can show one. An operator is known by the token's id.
 */
export interface OperatorTokens {
  /** The id of the token `secret` is, or undefined; takes the same time for any input. */
  identify(secret: string): string | undefined;
  ids: readonly string[];
  /** The length of the shortest secret, for the production length rule. */
  shortest: number;
}

const digest = (secret: string) => createHash('sha256').update(secret, 'utf8').digest();

const ID_PATTERN = /^[A-Za-z0-9_.-]{1,32}$/;

/**
 * `DASH_OPERATOR_TOKENS`: tokens separated by commas, each `id:secret` (`alice:…,ci:…`) or a bare
 * secret, whose id is then `token-` and the first 8 hex digits of its SHA-256 (enough to tell
 * tokens apart in the log, nothing towards guessing one). Several tokens may be valid at once,
 * which is how one is rotated: add the new one, then remove the old.
 */
export function parseOperatorTokens(value: string): OperatorTokens {
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) throw new Error('must name at least one token (id:secret)');
  const stored: Array<{ id: string; digest: Buffer }> = [];
  let shortest = Infinity;
  for (const entry of entries) {
    const separator = entry.indexOf(':');
    const secret = entry.slice(separator + 1);
    const id =
      separator < 0
        ? `token-${digest(secret).toString('hex').slice(0, 8)}`
        : entry.slice(0, separator);
    if (!ID_PATTERN.test(id))
      throw new Error(
        'each token must be id:secret, the id letters, digits, . _ or - (at most 32)',
      );
    if (secret.length === 0) throw new Error(`token "${id}" has an empty secret`);
    if (stored.some((token) => token.id === id)) throw new Error(`token id "${id}" is used twice`);
    stored.push({ id, digest: digest(secret) });
    shortest = Math.min(shortest, secret.length);
  }
  return {
    ids: stored.map((token) => token.id),
    shortest,
    identify(secret) {
      // Every stored digest is compared, with no early exit, so the time taken tells nothing
      // about which token (or how much of one) a guess matched.
      const presented = digest(secret);
      let found: string | undefined;
      for (const token of stored)
        if (timingSafeEqual(presented, token.digest) && found === undefined) found = token.id;
      return found;
    },
  };
}
