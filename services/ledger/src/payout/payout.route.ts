import type { SecretKeys } from '@dash/config';
import { Router } from 'express';
import {
  PAYOUT_DEBIT_PATH,
  PAYOUT_REVERSAL_PATH,
  type PayoutDebitRequest,
  type PayoutReversalRequest,
} from '@dash/contracts';
import { z } from '@dash/config';
import { internalCommand } from '@dash/subgraph';
import type { PayoutDebits } from './payout-debits.service.js';
import { currency, id, minorUnits } from '../postings/internal-bodies.input.js';

const debitBody = z.object({
  payoutId: id,
  accountId: id,
  platformId: id,
  livemode: z.boolean(),
  currency,
  amount: z.union([minorUnits, z.literal('available')]),
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

/** The payouts service's two commands: take a payout from the balance, and give it back. */
export function payoutRoutes(secret: SecretKeys, debits: PayoutDebits): Router {
  return Router().use(
    internalCommand(PAYOUT_DEBIT_PATH, secret, ['payouts'], debitBody, (body) =>
      debits.debit(body),
    ),
    internalCommand(PAYOUT_REVERSAL_PATH, secret, ['payouts'], reversalBody, (body) =>
      debits.reverse(body),
    ),
  );
}
