import { Router } from 'express';
import {
  PAYOUT_DEBIT_PATH,
  PAYOUT_REVERSAL_PATH,
  type PayoutDebitRequest,
  type PayoutReversalRequest,
} from '@dash/contracts';
import { z } from '@dash/config';
import { internalRoute, InternalRouteError } from '@dash/subgraph';
import type { PayoutDebits } from './ledger/payout-debits.js';

const id = z.string().min(1).max(40);
const debitBody = z.object({
  payoutId: id,
  accountId: id,
  platformId: id,
  livemode: z.boolean(),
  currency: z.string().regex(/^[a-z]{3}$/),
  amount: z.union([
    z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    z.literal('available'),
  ]),
  fee: z.number().int().min(0),
  createdBefore: z.iso.datetime().optional(),
  automatic: z.boolean(),
  description: z.string().max(500),
}) satisfies z.ZodType<PayoutDebitRequest>;
const reversalBody = z.object({
  payoutId: id,
  balanceTransactionId: id,
  reason: z.enum(['payout_failure', 'payout_cancel']),
  description: z.string().max(500),
}) satisfies z.ZodType<PayoutReversalRequest>;

function parsed<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new InternalRouteError(400, 'BAD_USER_INPUT', result.error.message);
  return result.data;
}

/** The payouts service's two commands: take a payout from the balance, and give it back. */
export function payoutRoutes(secret: string, debits: PayoutDebits): Router {
  return Router().use(
    internalRoute(PAYOUT_DEBIT_PATH, secret, ['payouts'], (body) =>
      debits.debit(parsed(debitBody, body)),
    ),
    internalRoute(PAYOUT_REVERSAL_PATH, secret, ['payouts'], (body) =>
      debits.reverse(parsed(reversalBody, body)),
    ),
  );
}
