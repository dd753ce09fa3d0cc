import type { SecretKeys } from '@dash/config';
import { Router } from 'express';
import {
  CHARGE_FACTS_PATH,
  DISPUTE_REINSTATEMENT_PATH,
  DISPUTE_WITHDRAWAL_PATH,
  RESERVE_TOPUP_PATH,
  type ChargeFactsRequest,
  type DisputeReinstatementRequest,
  type DisputeWithdrawalRequest,
  type ReserveTopupRequest,
} from '@dash/contracts';
import { z } from '@dash/config';
import { internalCommand } from '@dash/subgraph';
import type { DisputeDebits } from './ledger/dispute-debits.js';
import { currency, id, minorUnits } from './internal-bodies.js';

const chargeBody = z.object({
  chargeId: id,
  platformId: id,
  livemode: z.boolean(),
}) satisfies z.ZodType<ChargeFactsRequest>;
const withdrawalBody = chargeBody.extend({
  disputeId: id,
  amount: minorUnits,
  fee: z.number().int().min(0),
  description: z.string().max(500),
}) satisfies z.ZodType<DisputeWithdrawalRequest>;
const reinstatementBody = z.object({
  disputeId: id,
  balanceTransactionId: id,
  returnFee: z.boolean(),
  description: z.string().max(500),
}) satisfies z.ZodType<DisputeReinstatementRequest>;
const topupBody = z.object({
  topupId: id,
  accountId: id,
  platformId: id,
  livemode: z.boolean(),
  amount: minorUnits,
  currency,
  description: z.string().max(500),
}) satisfies z.ZodType<ReserveTopupRequest>;

/** The disputes service's commands: a charge's facts, a dispute's money, reserve top-ups. */
export function disputeRoutes(secret: SecretKeys, debits: DisputeDebits): Router {
  const allowed = ['disputes'];
  return Router().use(
    internalCommand(CHARGE_FACTS_PATH, secret, allowed, chargeBody, (body) =>
      debits.chargeFacts(body),
    ),
    internalCommand(DISPUTE_WITHDRAWAL_PATH, secret, allowed, withdrawalBody, (body) =>
      debits.withdraw(body),
    ),
    internalCommand(DISPUTE_REINSTATEMENT_PATH, secret, allowed, reinstatementBody, (body) =>
      debits.reinstate(body),
    ),
    internalCommand(RESERVE_TOPUP_PATH, secret, allowed, topupBody, (body) => debits.topUp(body)),
  );
}
