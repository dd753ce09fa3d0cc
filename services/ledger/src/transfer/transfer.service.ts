import type { DataSource } from 'typeorm';
import type { Tenant } from '@dash/contracts';
import { newId } from '@dash/ids';
import { normalizeCurrency } from '@dash/money';
import type { AccountDirectory, IdempotencyKeys } from '@dash/subgraph';
import { transferEntry } from '../postings/entries.rules.js';
import { tenantKeyScope } from '../postings/key-scopes.rules.js';
import { recordWithEntry } from '../postings/post-entry.service.js';
import { Transfer } from './transfer.entity.js';

export interface TransferRequest {
  account: string;
  amount: number;
  currency: string;
  description?: string | undefined;
  metadata?: Record<string, string> | undefined;
}

/** Money a platform sends one of its accounts from its own balance, once per idempotency key. */
export class Transfers {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountDirectory,
    private readonly keys: IdempotencyKeys,
  ) {}

  async createTransfer(
    platform: Tenant,
    request: TransferRequest,
    idempotencyKey: string,
  ): Promise<Transfer> {
    await this.accounts.chargeableAccountOf(platform, request.account);
    const currency = normalizeCurrency(request.currency);
    const id = newId('transfer');
    return this.keys.once(
      {
        scope: tenantKeyScope(platform),
        key: idempotencyKey,
        operation: 'createTransfer',
        params: request,
        resultId: id,
      },
      async (manager) => {
        const now = new Date();
        const transfer = manager.getRepository(Transfer).create({
          id,
          accountId: request.account,
          platformId: platform.platformId,
          livemode: platform.livemode,
          amount: request.amount,
          currency,
          description: request.description ?? null,
          metadata: request.metadata ?? {},
          createdAt: now,
        });
        const entry = transferEntry({
          accountId: transfer.accountId,
          platformId: platform.platformId,
          currency,
          amount: request.amount,
          sourceId: transfer.id,
          description: transfer.description,
          now,
        });
        return recordWithEntry(manager, Transfer, transfer, entry, now);
      },
      async (firstId) =>
        (await this.dataSource.getRepository(Transfer).findOneBy({ id: firstId, ...platform }))!,
    );
  }
}
