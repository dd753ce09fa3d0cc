import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

/**
 * What each derived key is for. A key serves one purpose only, so a key that leaks through one
 * use (say, a code-hashing bug) opens nothing else, and a header signed for callers can never be
 * passed off as a sealed value.
 */
export type KeyPurpose =
  | 'caller-signing'
  | 'code-hashing'
  | 'personal-data'
  | 'bank-fingerprint'
  | 'delivery'
  | 'webhook-secret';

/** One configured root secret and the id it is known by in everything sealed or signed with it. */
export interface RootSecret {
  kid: string;
  secret: string;
}

/** A key for one purpose, derived from the root named `kid`. */
export interface DerivedKey {
  kid: string;
  key: Buffer;
}

const KID_PATTERN = /^[A-Za-z0-9_-]{1,16}$/;

/**
 * The configured root secrets, current first, and the keys derived from them with HKDF
 * (SHA-256, one `info` per purpose). New signatures and sealed values use the current root and
 * carry its id; any root still listed verifies and opens, so an operator rotates by putting a
 * new root first and dropping the old one once nothing depends on it any more.
 */
export class SecretKeys {
  /** Derived keys, computed once per instance (HKDF per request would be wasted work). */
  private readonly derived = new Map<string, Buffer>();

  constructor(
    readonly roots: readonly RootSecret[],
    /**
     * The service holding these keys (`ledger`, `gateway`…): the audience a caller header must
     * name for this service to accept it.
     */
    readonly owner?: string,
  ) {
    if (roots.length === 0) throw new Error('at least one secret key is needed');
    const seen = new Set<string>();
    for (const { kid } of roots) {
      if (!KID_PATTERN.test(kid)) throw new Error(`key id "${kid}" must be 1–16 letters or digits`);
      if (seen.has(kid)) throw new Error(`key id "${kid}" is listed twice`);
      seen.add(kid);
    }
  }

  /** The same roots, held by `owner`. */
  for(owner: string): SecretKeys {
    return new SecretKeys(this.roots, owner);
  }

  get currentKid(): string {
    return this.roots[0]!.kid;
  }

  /** The current key for a purpose: what new signatures and sealed values use. */
  current(purpose: KeyPurpose): DerivedKey {
    return this.key(purpose, this.currentKid)!;
  }

  /** The key for a purpose under a given root, or undefined when that root is not configured. */
  key(purpose: KeyPurpose, kid: string): DerivedKey | undefined {
    const root = this.roots.find((candidate) => candidate.kid === kid);
    if (!root) return undefined;
    const cacheKey = `${purpose}/${kid}`;
    let key = this.derived.get(cacheKey);
    if (!key) {
      key = Buffer.from(hkdfSync('sha256', root.secret, 'dash', `dash/${purpose}/v1`, 32));
      this.derived.set(cacheKey, key);
    }
    return { kid, key };
  }

  /** Every configured key for a purpose, current first (for values made before a rotation). */
  all(purpose: KeyPurpose): DerivedKey[] {
    return this.roots.map(({ kid }) => this.key(purpose, kid)!);
  }

  /** The oldest configured root: see `bankFingerprint`. */
  get oldestKid(): string {
    return this.roots[this.roots.length - 1]!.kid;
  }
}

const SEALED_PREFIX = 'sealed:v2:';
const b64 = (buffer: Buffer) => buffer.toString('base64url');

/**
 * AES-256-GCM with a fresh 96-bit nonce, tagged with the key id:
 * `sealed:v2:<kid>:<iv>.<tag>.<ciphertext>`. `context` is bound as associated data, so a value
 * sealed for one record or field cannot be moved to another and still open.
 */
export function sealValue(
  keys: SecretKeys,
  purpose: KeyPurpose,
  plain: string,
  context = '',
): string {
  const { kid, key } = keys.current(purpose);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${SEALED_PREFIX}${kid}:${[iv, cipher.getAuthTag(), body].map(b64).join('.')}`;
}

export const isSealedValue = (value: string) => value.startsWith(SEALED_PREFIX);

/** The key id a sealed value names, or undefined if it is not one of ours. */
export const sealedKid = (value: string): string | undefined =>
  isSealedValue(value) ? value.slice(SEALED_PREFIX.length).split(':')[0] : undefined;

export class SealedValueError extends Error {
  constructor(reason: string) {
    super(`sealed value cannot be opened: ${reason}`);
    this.name = 'SealedValueError';
  }
}

/** Opens what `sealValue` made with any configured root; throws SealedValueError otherwise. */
export function openValue(
  keys: SecretKeys,
  purpose: KeyPurpose,
  sealed: string,
  context = '',
): string {
  if (!isSealedValue(sealed)) throw new SealedValueError('not sealed');
  const rest = sealed.slice(SEALED_PREFIX.length);
  const separator = rest.indexOf(':');
  const kid = rest.slice(0, separator);
  const derived = separator > 0 ? keys.key(purpose, kid) : undefined;
  if (!derived) throw new SealedValueError(`key id "${kid}" is not configured`);
  const [iv, tag, body] = rest
    .slice(separator + 1)
    .split('.')
    .map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !body || iv.length !== 12 || tag.length !== 16)
    throw new SealedValueError('malformed');
  try {
    const decipher = createDecipheriv('aes-256-gcm', derived.key, iv);
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    throw new SealedValueError('tampered, or sealed for something else');
  }
}

/** HMAC-SHA-256 under one derived key, as base64url. */
export const keyedHash = ({ key }: DerivedKey, message: string) =>
  createHmac('sha256', key).update(message).digest('base64url');

/** Constant-time comparison of two strings (different lengths are simply unequal). */
export function sameString(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
