import type { SecretKeys } from '@dash/config';
import { Router } from 'express';
import {
  CHARGE_FACTS_PATH,
  DISPUTE_INQUIRY_CLOSED_PATH,
  DISPUTE_INQUIRY_PATH,
  DISPUTE_REINSTATEMENT_PATH,
  DISPUTE_WITHDRAWAL_PATH,
  RESERVE_TOPUP_FAILED_PATH,
  RESERVE_TOPUP_PATH,
  RESERVE_TOPUP_SETTLED_PATH,
  type ChargeFactsRequest,
  type DisputeInquiryClosedRequest,
  type DisputeInquiryRequest,
  type DisputeReinstatementRequest,
  type DisputeWithdrawalRequest,
  type ReserveTopupOutcomeRequest,
  type ReserveTopupRequest,
} from '@dash/contracts';
import { z } from '@dash/config';
import { internalCommand } from '@dash/subgraph';
import type { DisputeDebits } from './dispute-debits.service.js';
import { currency, id, minorUnits } from '../postings/internal-bodies.input.js';

const chargeBody = z.object({
  chargeId: id,
  platformId: id,
  livemode: z.boolean(),
}) satisfies z.ZodType<ChargeFactsRequest>;
const inquiryBody = chargeBody.extend({
  disputeId: id,
  amount: minorUnits,
}) satisfies z.ZodType<DisputeInquiryRequest>;
const inquiryClosedBody = z.object({
  disputeId: id,
}) satisfies z.ZodType<DisputeInquiryClosedRequest>;
const withdrawalBody = chargeBody.extend({
  disputeId: id,
  amount: minorUnits,
  fee: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
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
const topupOutcomeBody = z.object({
  topupId: id,
  description: z.string().max(500),
}) satisfies z.ZodType<ReserveTopupOutcomeRequest>;

/** The disputes service's commands: a charge's facts, a dispute's money, reserve top-ups. */
export function disputeRoutes(secret: SecretKeys, debits: DisputeDebits): Router {
  const allowed = ['disputes'];
  return Router().use(
    internalCommand(CHARGE_FACTS_PATH, secret, allowed, chargeBody, (body) =>
      debits.chargeFacts(body),
    ),
    internalCommand(DISPUTE_INQUIRY_PATH, secret, allowed, inquiryBody, (body) =>
      debits.registerInquiry(body),
    ),
    internalCommand(DISPUTE_INQUIRY_CLOSED_PATH, secret, allowed, inquiryClosedBody, (body) =>
      debits.inquiryClosed(body),
    ),
    internalCommand(DISPUTE_WITHDRAWAL_PATH, secret, allowed, withdrawalBody, (body) =>
      debits.withdraw(body),
    ),
    internalCommand(DISPUTE_REINSTATEMENT_PATH, secret, allowed, reinstatementBody, (body) =>
      debits.reinstate(body),
    ),
    internalCommand(RESERVE_TOPUP_PATH, secret, allowed, topupBody, (body) => debits.topUp(body)),
    internalCommand(RESERVE_TOPUP_SETTLED_PATH, secret, allowed, topupOutcomeBody, (body) =>
      debits.settleTopup(body),
    ),
    internalCommand(RESERVE_TOPUP_FAILED_PATH, secret, allowed, topupOutcomeBody, (body) =>
      debits.failTopup(body),
    ),
  );
}
