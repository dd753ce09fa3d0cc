import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALLER_HEADER, type Caller } from '@dash/auth-context';
import {
  accountCaller,
  accountReference,
  platformCaller,
  testCallerHeader,
  type TestService,
} from '@dash/subgraph/testing';
import { charge, platformA, platformB, startLedger } from './support.js';

/**
 * An account's money is its own and its platform's, in the key's mode: whoever else asks by its
 * id (another platform, the live key of a test account's platform, a neighbour account) is
 * answered as if it had none — never refused in a way that says it exists.
 */
let service: TestService;

beforeAll(async () => {
  service = await startLedger(['acct_ada', 'acct_bob']);
});
afterAll(() => service.close());

describe('tenant isolation', () => {
  const MONEY = `query($reps: [_Any!]!, $transaction: ID!, $payment: ID!) {
    _entities(representations: $reps) {
      ... on Account {
        balances { currency }
        balanceTransactions { nodes { id } }
        balanceTransaction(id: $transaction) { id }
        payments { nodes { id } }
        payment(id: $payment) { id }
        earnings(range: lifetime, currency: "usd", timeZone: "UTC") { total }
      }
    }
  }`;
  const strangers: Array<[string, Caller]> = [
    ['another platform', platformB],
    ["the same platform's live key", { ...platformCaller('plat_a'), livemode: true } as Caller],
    ['another account of the same platform', accountCaller('acct_bob', 'plat_a')],
  ];
  const exportAs = (caller: Caller) =>
    fetch(new URL('/exports/balance-transactions.csv?account=acct_ada', service.url), {
      headers: { [CALLER_HEADER]: testCallerHeader(caller, 'ledger') },
    });

  it.each(strangers)('shows %s nothing of an account’s money', async (_, stranger) => {
    const made = (await charge(service, { amount: 4_000 })).data!.createCharge;
    const variables = {
      ...accountReference('acct_ada'),
      transaction: made.balanceTransaction!.id,
      payment: made.id,
    };
    const own = await service.query<{ _entities: unknown[] }>(MONEY, variables, platformA);
    expect(own.data!._entities[0]).toMatchObject({
      balanceTransaction: { id: made.balanceTransaction!.id },
      payment: { id: made.id },
    });
    const seen = await service.query<{ _entities: unknown[] }>(MONEY, variables, stranger);
    expect(seen.errors).toBeUndefined();
    expect(seen.data!._entities[0]).toEqual({
      balances: [],
      balanceTransactions: { nodes: [] },
      balanceTransaction: null,
      payments: { nodes: [] },
      payment: null,
      earnings: null,
    });
  });

  it.each(strangers)('exports %s none of an account’s transactions', async (_, stranger) => {
    expect((await exportAs(platformA)).status).toBe(200);
    const refused = await exportAs(stranger);
    expect(refused.status).toBe(404);
    expect(await refused.text()).not.toContain('txn_');
  });
});
