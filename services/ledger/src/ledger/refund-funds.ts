import type { EntityManager } from 'typeorm';
import type { RefundFunds } from '../domain/refund-funding.js';
import type { Charge } from '../entities/charge.entity.js';
import { lockOwnBalances } from './own-balances.js';

/**
 * Locks what a refund of `charge` draws on and reads it: the payment's own balance transaction
 * first (the order the release job takes it in, so the two queue rather than deadlock — and a
 * payment cannot settle, and be paid out, between this look and the refund), then the account's
 * balance rows.
 */
export async function lockRefundFunds(
  manager: EntityManager,
  charge: Charge,
): Promise<RefundFunds> {
  const [transaction] = charge.balanceTransactionId
    ? ((await manager.query('SELECT status FROM balance_transactions WHERE id = ? FOR UPDATE', [
        charge.balanceTransactionId,
      ])) as Array<{ status: string }>)
    : [];
  const { available, reserve } = await lockOwnBalances(manager, charge, charge.currency);
  return { available, reserve, ownPending: transaction?.status === 'pending' ? charge.amount : 0 };
}
