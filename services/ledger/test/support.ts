import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Caller } from '@dash/auth-context';
import {
  DISPUTE_WITHDRAWAL_PATH,
  PAYOUT_DEBIT_PATH,
  RESERVE_TOPUP_PATH,
  RESERVE_TOPUP_SETTLED_PATH,
  type DisputeWithdrawalRequest,
  type LedgerMovement,
  type PayoutDebit,
  type PayoutDebitRequest,
} from '@dash/contracts';
import { callService, ONBOARDED, rememberAccount, savePlatform } from '@dash/subgraph';
import {
  accountCaller,
  accountReference,
  platformCaller,
  startTestService,
  TEST_SECRET_KEYS,
  type TestService,
} from '@dash/subgraph/testing';
import { ledgerInvariants, ledgerService } from '../src/index.js';
import { releaseDue } from '../src/postings/release.service.js';

export const DAY = 24 * 3600 * 1000;
export const platformA = platformCaller('plat_a');
export const platformB = platformCaller('plat_b');
export const ada = accountCaller('acct_ada', 'plat_a');

/** An id no other test run uses, such as a payout's or a dispute's (at most 40 characters). */
export const uniqueId = (prefix: string) => `${prefix}_${randomUUID().replaceAll('-', '')}`;

/** An event as the outbox holds it, its payload parsed. */
export interface RecordedEvent<Data = Record<string, unknown>> {
  id: string;
  accountId: string;
  platformId: string;
  livemode: boolean;
  occurredAt: Date;
  source: string;
  data: Data;
}

/** The events of `type` in the ledger's outbox, in the order they were recorded. */
export async function recordedEvents<Data = Record<string, unknown>>(
  service: TestService,
  type: string,
): Promise<Array<RecordedEvent<Data>>> {
  const rows = (await service.dataSource.query(
    `SELECT id, account_id, platform_id, livemode, data, occurred_at FROM outbox_events
     WHERE type = ? ORDER BY id`,
    [type],
  )) as Array<{
    id: string;
    account_id: string;
    platform_id: string;
    livemode: number;
    data: string;
    occurred_at: Date;
  }>;
  return rows.map((row) => {
    const { source, data } = JSON.parse(row.data) as { source: string; data: Data };
    return {
      id: row.id,
      accountId: row.account_id,
      platformId: row.platform_id,
      livemode: Boolean(row.livemode),
      occurredAt: row.occurred_at,
      source,
      data,
    };
  });
}

/** A fresh idempotency key. */
export const newKey = () => uniqueId('key');

/**
 * The accounts and platforms the ledger would learn from identity (on first use, and from
 * platform.updated events), written where it keeps them.
 */
export async function knownAccounts(
  service: TestService,
  accounts: Array<{ id: string; platformId: string }>,
): Promise<void> {
  await service.dataSource.transaction(async (manager) => {
    for (const platformId of new Set(accounts.map((account) => account.platformId)))
      await savePlatform(
        manager,
        {
          id: platformId,
          name: platformId === 'plat_a' ? 'Rocket Rides' : 'Other Platform',
          features: {},
        },
        new Date(),
      );
    for (const account of accounts)
      await rememberAccount(
        manager,
        { accountId: account.id, platformId: account.platformId, livemode: false },
        ONBOARDED,
      );
  });
}

/**
 * A ledger of this test file's own, knowing these onboarded accounts of plat_a; `env` adds
 * settings (DASH_AVAILABLE_DELAY_DAYS, …).
 */
export async function startLedger(
  accountIds: string[],
  env: Record<string, string> = {},
): Promise<TestService> {
  const service = await startTestService(ledgerService, env);
  await knownAccounts(
    service,
    accountIds.map((id) => ({ id, platformId: 'plat_a' })),
  );
  return service;
}

export const CHARGE = `mutation($input: ChargeInput!, $key: String!) {
  createCharge(input: $input, idempotencyKey: $key) {
    id amount amountRefunded currency status fee applicationFeeAmount net refundable description failureMessage
    customer { name email } card { brand last4 } metadata { key value }
    balanceTransaction { id type amount fee net status availableOn feeDetails { type amount } description source }
  }
}`;
export const REFUND = `mutation($input: RefundInput!, $key: String!) {
  createRefund(input: $input, idempotencyKey: $key) { id amount currency status charge requestedBy }
}`;
export const TRANSFER = `mutation($input: TransferInput!, $key: String!) {
  createTransfer(input: $input, idempotencyKey: $key) { id amount currency description }
}`;
export const BALANCES = `query($reps: [_Any!]!) {
  _entities(representations: $reps) {
    ... on Account { balances { currency available pending reserve total availableSoon { availableOn amount } } }
  }
}`;

export type ChargeResult = {
  id: string;
  amount: number;
  amountRefunded: number;
  status: string;
  fee: number;
  net: number;
  refundable: number;
  description: string;
  balanceTransaction: { id: string; net: number; status: string; availableOn: string } | null;
};

export async function charge(
  service: TestService,
  input: Record<string, unknown>,
  caller: Caller = platformA,
  key = newKey(),
) {
  return service.query<{ createCharge: ChargeResult }>(
    CHARGE,
    { input: { account: 'acct_ada', currency: 'usd', ...input }, key },
    caller,
  );
}

/** `count` charges of `amount` for the account, settled: their net is available. */
export async function settledCharges(
  service: TestService,
  accountId: string,
  amount: number,
  count = 1,
): Promise<ChargeResult[]> {
  const made = await Promise.all(
    Array.from({ length: count }, () => charge(service, { account: accountId, amount })),
  );
  await releaseDue(service.dataSource, new Date(Date.now() + 3 * DAY));
  return made.map((response) => response.data!.createCharge);
}

/** Money from plat_a's balance to the account, available at once. */
export async function fund(service: TestService, accountId: string, amount: number) {
  const response = await service.query(
    TRANSFER,
    { input: { account: accountId, amount, currency: 'usd' }, key: newKey() },
    platformA,
  );
  if (response.errors) throw new Error(JSON.stringify(response.errors));
}

export type Balance = { available: number; pending: number; reserve: number };

/** The account's balance in one currency, as plat_a reads it (zero where it has none). */
export async function balanceOf(
  service: TestService,
  accountId: string,
  currency = 'usd',
): Promise<Balance> {
  const response = await service.query<{
    _entities: Array<{ balances: Array<Balance & { currency: string }> }>;
  }>(BALANCES, accountReference(accountId), platformA);
  const balance = response.data!._entities[0]!.balances.find((b) => b.currency === currency);
  return {
    available: balance?.available ?? 0,
    pending: balance?.pending ?? 0,
    reserve: balance?.reserve ?? 0,
  };
}

/** How another service signs its commands to the ledger. */
export const asService = (name: 'disputes' | 'payouts') => ({
  service: name,
  audience: 'ledger',
  secret: TEST_SECRET_KEYS.for(name),
});

/** A command of another service to this ledger. */
export const command = <T = Record<string, unknown>>(
  service: TestService,
  caller: 'disputes' | 'payouts',
  path: string,
  body: object,
) => callService<T>(new URL(path, service.url), body, asService(caller));

/** The payouts service's debit of a payout (acct_ada's 1,000 to its bank unless told). */
export const payOut = (service: TestService, request: Partial<PayoutDebitRequest>) =>
  command<PayoutDebit>(service, 'payouts', PAYOUT_DEBIT_PATH, {
    payoutId: uniqueId('po'),
    accountId: 'acct_ada',
    platformId: 'plat_a',
    livemode: false,
    currency: 'usd',
    amount: 1_000,
    fee: 0,
    automatic: false,
    description: 'Payout to bank •••• 6789',
    ...request,
  });

/** The disputes service's withdrawal for a dispute of the payment (3,000 and a 1,500 fee). */
export const withdrawForDispute = (
  service: TestService,
  chargeId: string,
  request: Partial<DisputeWithdrawalRequest> = {},
) =>
  command<LedgerMovement>(service, 'disputes', DISPUTE_WITHDRAWAL_PATH, {
    disputeId: uniqueId('dp'),
    chargeId,
    platformId: 'plat_a',
    livemode: false,
    amount: 3_000,
    fee: 1_500,
    description: 'Dispute',
    ...request,
  });

/** A reserve top-up whose bank debit settled at once: in the reserve. */
export async function settledTopUp(service: TestService, accountId: string, amount: number) {
  const topupId = uniqueId('tu');
  await command(service, 'disputes', RESERVE_TOPUP_PATH, {
    topupId,
    accountId,
    platformId: 'plat_a',
    livemode: false,
    amount,
    currency: 'usd',
    description: 'Top-up from bank account',
  });
  return command<LedgerMovement>(service, 'disputes', RESERVE_TOPUP_SETTLED_PATH, {
    topupId,
    description: 'Settled',
  });
}

/** Every rule of the ledger holds over all it holds (the report names what broke one). */
export async function expectLedgerHolds(service: TestService) {
  expect(await ledgerInvariants(service.dataSource)).toMatchObject({
    unbalancedTransactions: [],
    nonZeroCurrencies: [],
    drifted: [],
    badRefunds: [],
    ok: true,
  });
}
