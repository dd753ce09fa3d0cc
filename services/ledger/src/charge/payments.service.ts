import type { DataSource } from 'typeorm';
import { preparedMany } from '@dash/db';
import { afterKeyset, type Keyset } from '@dash/subgraph';
import type { AccountRef } from '@dash/contracts';
import { Refund } from '../refund/refund.entity.js';
import { Charge } from './charge.entity.js';

export interface PaymentFilter {
  /** A customer's email, matched from its start (case-insensitive). */
  customerEmail?: string | undefined;
  /** An exact amount in minor units. */
  amount?: number | undefined;
}

/** An account's payments (charges) and their refunds. */
export class Payments {
  constructor(private readonly dataSource: DataSource) {}

  page(
    account: AccountRef,
    filter: PaymentFilter,
    first: number,
    after?: Keyset,
  ): Promise<Charge[]> {
    const query = this.dataSource
      .getRepository(Charge)
      .createQueryBuilder('charge')
      .where('charge.account_id = :accountId AND charge.livemode = :livemode', account);
    if (filter.customerEmail)
      query.andWhere('charge.customer_email LIKE :email', {
        email: `${filter.customerEmail.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    if (filter.amount !== undefined)
      query.andWhere('charge.amount = :amount', { amount: filter.amount });
    return preparedMany(
      afterKeyset(query, 'charge', after)
        .orderBy('charge.created_at', 'DESC')
        .addOrderBy('charge.id', 'DESC')
        .take(first + 1),
    );
  }

  find(account: AccountRef, id: string): Promise<Charge | null> {
    return this.dataSource.getRepository(Charge).findOneBy({ ...account, id });
  }

  refundsOf(chargeId: string): Promise<Refund[]> {
    return this.dataSource
      .getRepository(Refund)
      .find({ where: { chargeId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }
}
