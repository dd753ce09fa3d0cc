import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { newId } from '@dash/ids';
import { ApiKey } from './entities/api-key.entity.js';
import { hashSecret, newSecretKey, parseSecretKey } from './domain/secrets.js';

export interface IssuedKey {
  key: ApiKey;
  /** The only time the secret exists outside the caller's hands. */
  secret: string;
}

export class ApiKeyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Issues a key; pass `secret` only for fixed, documented demo keys. */
  async issue(
    platformId: string,
    livemode: boolean,
    manager: EntityManager = this.dataSource.manager,
    secret = newSecretKey(livemode),
  ): Promise<IssuedKey> {
    const key = manager.getRepository(ApiKey).create({
      id: newId('apiKey'),
      platformId,
      livemode,
      secretHash: hashSecret(secret),
      last4: secret.slice(-4),
      createdAt: new Date(),
      revokedAt: null,
    });
    await manager.getRepository(ApiKey).insert(key);
    return { key, secret };
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

  /** Revokes one of the platform's keys; false when it has no such active key. */
  async revoke(platformId: string, id: string): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(ApiKey)
      .update({ id, platformId, revokedAt: IsNull() }, { revokedAt: new Date() });
    return (result.affected ?? 0) > 0;
  }
}
