import { createDecipheriv, createHash } from 'node:crypto';
import {
  isSealedValue,
  openValue,
  SealedValueError,
  sealedKid,
  sealValue,
  type SecretKeys,
} from '@dash/config';

/**
 * Personal ids (SSNs, national ids, tax ids) are kept sealed with AES-256-GCM: unlike secrets,
 * they must be read back (for verification and the last digits on screen). The key is derived
 * (HKDF) from the configured root secrets for this purpose alone, and every sealed value names
 * its key id (`sealed:v2:<kid>:…`), so a copy of the table alone reveals nothing and values
 * sealed before a rotation still open after it (see `resealPersonalIds` for moving them on).
 */
export const seal = (plain: string, keys: SecretKeys): string =>
  sealValue(keys, 'personal-data', plain);

export function unseal(sealed: string, keys: SecretKeys): string {
  if (sealed.startsWith(LEGACY_SEALED)) return unsealLegacy(sealed, keys);
  return isSealedValue(sealed) ? openValue(keys, 'personal-data', sealed) : sealed;
}

/** Whether a stored value is sealed under an older key (or the first, key-less format). */
export const sealedUnderOlderKey = (stored: string, keys: SecretKeys): boolean =>
  stored.startsWith(LEGACY_SEALED) ||
  (isSealedValue(stored) && sealedKid(stored) !== keys.currentKid);

/**
 * The first format, `sealed:v1:`, had no key id and a key hashed straight from the single
 * internal secret: each configured root is tried (GCM's tag tells the right one), until
 * `resealPersonalIds` has moved every row to the current key.
 */
const LEGACY_SEALED = 'sealed:v1:';
function unsealLegacy(sealed: string, keys: SecretKeys): string {
  const [iv, tag, body] = sealed
    .slice(LEGACY_SEALED.length)
    .split('.')
    .map((part) => Buffer.from(part, 'base64url'));
  for (const { secret } of keys.roots) {
    try {
      const key = createHash('sha256').update(`pii:${secret}`).digest();
      const decipher = createDecipheriv('aes-256-gcm', key, iv!);
      decipher.setAuthTag(tag!);
      return Buffer.concat([decipher.update(body!), decipher.final()]).toString('utf8');
    } catch {
      // Not this root: try the next.
    }
  }
  throw new SealedValueError('sealed under a secret that is no longer configured');
}
