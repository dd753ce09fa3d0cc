import type { Caller } from '@dash/auth-context';
import { ONBOARDED, rememberAccount, savePlatform } from '@dash/subgraph';
import { accountCaller, platformCaller, type TestService } from '@dash/subgraph/testing';

export const platformA = platformCaller('plat_a');
export const platformB = platformCaller('plat_b');
export const ada = accountCaller('acct_ada', 'plat_a');

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

let keys = 0;
/** A fresh idempotency key. */
export const newKey = () => `key-${process.pid}-${(keys += 1)}`;

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
