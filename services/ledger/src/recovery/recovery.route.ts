import type { SecretKeys } from '@dash/config';
import { Router } from 'express';
import {
  RECOVERIES_DUE_PATH,
  RECOVERY_COVER_PATH,
  RECOVERY_DEBIT_FAILED_PATH,
  RECOVERY_DEBIT_PATH,
  RECOVERY_DEBIT_SETTLED_PATH,
  type RecoveriesDueRequest,
  type RecoveryCoverRequest,
  type RecoveryDebitOutcomeRequest,
  type RecoveryDebitRequest,
} from '@dash/contracts';
import { z } from '@dash/config';
import { internalCommand } from '@dash/subgraph';
import { currency, id, minorUnits } from '../postings/internal-bodies.input.js';
import type { RecoveryDebits } from './recovery-debits.service.js';

/** The tries of one debit: the payouts service gives up after a few. */
const attempt = z.number().int().min(1).max(20);
const description = z.string().max(500);

const dueBody = z.object({
  at: z.iso.datetime(),
  limit: z.number().int().min(1).max(500),
}) satisfies z.ZodType<RecoveriesDueRequest>;
const account = { accountId: id, platformId: id, livemode: z.boolean(), currency };
const debitBody = z.object({
  recoveryDebitId: id,
  attempt,
  ...account,
  amount: minorUnits,
  description,
}) satisfies z.ZodType<RecoveryDebitRequest>;
const outcomeBody = z.object({
  recoveryDebitId: id,
  attempt,
  description,
}) satisfies z.ZodType<RecoveryDebitOutcomeRequest>;
const coverBody = z.object({
  recoveryDebitId: id,
  ...account,
  amount: minorUnits,
  description,
}) satisfies z.ZodType<RecoveryCoverRequest>;

/** The payouts service's commands for recovering negative balances from the accounts' banks. */
export function recoveryRoutes(secret: SecretKeys, recoveries: RecoveryDebits): Router {
  const allowed = ['payouts'];
  return Router().use(
    internalCommand(RECOVERIES_DUE_PATH, secret, allowed, dueBody, (body) => recoveries.due(body)),
    internalCommand(RECOVERY_DEBIT_PATH, secret, allowed, debitBody, (body) =>
      recoveries.start(body),
    ),
    internalCommand(RECOVERY_DEBIT_SETTLED_PATH, secret, allowed, outcomeBody, (body) =>
      recoveries.settle(body),
    ),
    internalCommand(RECOVERY_DEBIT_FAILED_PATH, secret, allowed, outcomeBody, (body) =>
      recoveries.fail(body),
    ),
    internalCommand(RECOVERY_COVER_PATH, secret, allowed, coverBody, (body) =>
      recoveries.cover(body),
    ),
  );
}
