import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import type { Tenant } from '@dash/contracts';
import { DashError } from '@dash/errors';
import { recordEvent } from '@dash/events';
import { newId } from '@dash/ids';
import { ApiKey } from './api-key.entity.js';
import { lockPlatform } from '../platform/lock-platform.js';
import { descendantsOf } from './api-key.rules.js';
import { hashSecret, newSecretKey, parseSecretKey } from './secret-key.rules.js';

/**
 * Active keys a platform may hold per mode. Rotation needs two at once and a few integrations a
 * handful more; a leaked key cannot mint an unbounded number of keys to keep.
 */
export const MAX_ACTIVE_KEYS_PER_MODE = 10;

export interface IssuedKey {
  key: ApiKey;
  /** The only time the secret exists outside the caller's hands. */
  secret: string;
}

export interface IssueOptions {
  /** A transaction to issue within (a new platform's first keys); otherwise one of its own. */
  manager?: EntityManager;
  /** Only for fixed, documented demo keys. */
  secret?: string;
  /** The key asking for the new one; leave out when the operator makes it (the platform CLI). */
  createdByKeyId?: string;
}

/**
 * A platform's secret keys. Every change to a platform's keys first locks its `platforms` row,
 * so issuing and revoking queue one behind the other: a key is never made by a key whose
 * revocation has committed, the count against the cap is exact, and revoking sees every key
 * made before it.
 */
export class ApiKeyService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Issues a key: refused (FAILED_PRECONDITION, reason TOO_MANY_KEYS) when the platform already
   * has MAX_ACTIVE_KEYS_PER_MODE active keys of this mode, or (UNAUTHENTICATED) when the key
   * asking for it has been revoked meanwhile.
   */
  async issue(
    { platformId, livemode }: Tenant,
    { manager, secret = newSecretKey(livemode), createdByKeyId }: IssueOptions = {},
  ): Promise<IssuedKey> {
    const run = async (transaction: EntityManager): Promise<IssuedKey> => {
      await lockPlatform(transaction, platformId);
      if (createdByKeyId !== undefined) await activeKeyOf(transaction, platformId, createdByKeyId);
      const active = await transaction
        .getRepository(ApiKey)
        .countBy({ platformId, livemode, revokedAt: IsNull() });
      if (active >= MAX_ACTIVE_KEYS_PER_MODE)
        throw new DashError(
          'FAILED_PRECONDITION',
          `A platform may have ${MAX_ACTIVE_KEYS_PER_MODE} active keys per mode; revoke one first.`,
          { reason: 'TOO_MANY_KEYS' },
        );
      const key = transaction.getRepository(ApiKey).create({
        id: newId('apiKey'),
        platformId,
        livemode,
        secretHash: hashSecret(secret),
        last4: secret.slice(-4),
        createdByKeyId: createdByKeyId ?? null,
        createdAt: new Date(),
        revokedAt: null,
      });
      await transaction.getRepository(ApiKey).insert(key);
      await recordEvent(
        transaction,
        'identity',
        'api_key.created',
        { accountId: null, platformId, livemode },
        { keyId: key.id, last4: key.last4, createdByKeyId: key.createdByKeyId },
      );
      return { key, secret };
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  /** The live (not revoked) key with this secret, if any. */
  async findActive(secret: string): Promise<ApiKey | null> {
    if (!parseSecretKey(secret)) return null;
    return this.dataSource
      .getRepository(ApiKey)
      .findOneBy({ secretHash: hashSecret(secret), revokedAt: IsNull() });
  }

  list(platformId: string): Promise<ApiKey[]> {
    return this.dataSource
      .getRepository(ApiKey)
      .find({ where: { platformId }, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  /**
   * Revokes one of the platform's active keys and, in the same transaction, every active key it
   * made, and every key those made, and so on: a leaked key's offspring go with it. This is the
   * one way keys are revoked.
   *
   * `revokedByKeyId` is the key asking (absent for the operator's CLI). A key may revoke only a
   * key of its own mode made after itself: not itself, and not an older key, so a leaked key
   * cannot take the platform's established keys offline; the oldest keys yield only to the CLI.
   *
   * Returns every key revoked, the one asked for first; null when the platform has no such
   * active key (in the asking key's mode).
   */
  async revoke(platformId: string, id: string, revokedByKeyId?: string): Promise<ApiKey[] | null> {
    return this.dataSource.transaction(async (manager) => {
      await lockPlatform(manager, platformId);
      const keys = manager.getRepository(ApiKey);
      const target = await keys.findOneBy({ id, platformId, revokedAt: IsNull() });
      if (revokedByKeyId !== undefined) {
        const revoker = await activeKeyOf(manager, platformId, revokedByKeyId);
        if (!target || target.livemode !== revoker.livemode) return null;
        if (target.id === revoker.id)
          throw new DashError('FORBIDDEN', 'A key cannot revoke itself; use another key.');
        if (target.createdAt.getTime() <= revoker.createdAt.getTime())
          throw new DashError(
            'FORBIDDEN',
            'A key can revoke only keys made after it. Use an older key or the platform CLI.',
            { reason: 'KEY_OLDER_THAN_CALLER' },
          );
      }
      if (!target) return null;
      const offspring = descendantsOf(target.id, await keys.findBy({ platformId }));
      const revoked = [target, ...offspring.filter((key) => key.revokedAt === null)];
      const revokedAt = new Date();
      for (const key of revoked) {
        await keys.update({ id: key.id, revokedAt: IsNull() }, { revokedAt });
        await recordEvent(
          manager,
          'identity',
          'api_key.revoked',
          { accountId: null, platformId, livemode: key.livemode },
          {
            keyId: key.id,
            last4: key.last4,
            revokedByKeyId: revokedByKeyId ?? null,
            withKeyId: key === target ? null : target.id,
          },
        );
      }
      return revoked.map((key) => Object.assign(key, { revokedAt }));
    });
  }
}

/** Locks the platform's row for the rest of the transaction: its key changes queue here. */
/** The asking key, which must still be active: a revoked key's requests in flight do nothing. */
async function activeKeyOf(
  manager: EntityManager,
  platformId: string,
  keyId: string,
): Promise<ApiKey> {
  const key = await manager
    .getRepository(ApiKey)
    .findOneBy({ id: keyId, platformId, revokedAt: IsNull() });
  if (!key) throw new DashError('UNAUTHENTICATED', 'This API key has been revoked.');
  return key;
}
