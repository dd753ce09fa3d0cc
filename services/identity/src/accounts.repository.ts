import type { DataSource } from 'typeorm';
import type { TenantScope } from '@dash/subgraph';
import { Account } from './entities/account.entity.js';
import { Platform } from './entities/platform.entity.js';

/** All reads of accounts and platforms, always within the caller's tenant scope. */
export class AccountRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** An account is visible to itself and to its platform. */
  findAccount(id: string, scope: TenantScope): Promise<Account | null> {
    if ('accountId' in scope && scope.accountId !== id) return Promise.resolve(null);
    const where = 'platformId' in scope ? { id, platformId: scope.platformId } : { id };
    return this.dataSource.getRepository(Account).findOneBy(where);
  }

  /** A platform is visible to its own accounts and to itself. */
  findPlatform(id: string, scope: TenantScope): Promise<Platform | null> {
    if ('platformId' in scope && scope.platformId !== id) return Promise.resolve(null);
    return this.dataSource.getRepository(Platform).findOneBy({ id });
  }
}
