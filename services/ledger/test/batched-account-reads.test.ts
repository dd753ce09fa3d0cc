import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '@dash/auth-context';
import { startTestService, type TestService } from '@dash/subgraph/testing';
import { ledgerService } from '../src/index.js';
import { charge, knownAccounts, platformA, platformB, settledCharges } from './support.js';

let service: TestService;

/** What a platform's dashboard query asks of the ledger for each account. */
const ACCOUNTS = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Account {
  balances { currency available pending reserve total availableSoon { availableOn amount } }
  balanceTransactions(first: 5) { nodes { id type amount net currency } pageInfo { hasNextPage } }
} } }`;
type AccountMoney = {
  balances: Array<{ currency: string; available: number; pending: number; total: number }>;
  balanceTransactions: { nodes: Array<{ id: string }>; pageInfo: { hasNextPage: boolean } };
};

/** One call asking for all of `ids`, as the gateway sends a platform's concurrent queries. */
async function together(ids: string[], caller: Caller): Promise<AccountMoney[]> {
  const response = await service.query<{ _entities: AccountMoney[] }>(
    ACCOUNTS,
    { reps: ids.map((id) => ({ __typename: 'Account', id })) },
    caller,
  );
  expect(response.errors).toBeUndefined();
  return response.data!._entities;
}

/** Each account asked for in a call of its own. */
const alone = (ids: string[], caller: Caller) =>
  Promise.all(ids.map(async (id) => (await together([id], caller))[0]!));

beforeAll(async () => {
  service = await startTestService(ledgerService);
  await knownAccounts(service, [
    { id: 'acct_many', platformId: 'plat_a' },
    { id: 'acct_few', platformId: 'plat_a' },
    { id: 'acct_none', platformId: 'plat_a' },
    { id: 'acct_eur', platformId: 'plat_a' },
    { id: 'acct_other', platformId: 'plat_b' },
  ]);
  // Settled money on two (settling releases everything due, so it comes first), pending money
  // on every account charged, two currencies on one.
  await settledCharges(service, 'acct_many', 2_000, 4);
  await settledCharges(service, 'acct_eur', 900, 2);
  for (let i = 0; i < 8; i++) await charge(service, { account: 'acct_many', amount: 1_000 + i });
  await charge(service, { account: 'acct_few', amount: 700 });
  await charge(service, { account: 'acct_eur', amount: 500, currency: 'eur' });
  await charge(service, { account: 'acct_other', amount: 300 }, platformB);
});
afterAll(() => service.close());

describe('a platform asking for many accounts in one call', () => {
  it('answers each account exactly as it is answered alone', async () => {
    // Shuffled, one account twice, one with nothing, one of another platform.
    const ids = ['acct_eur', 'acct_many', 'acct_other', 'acct_none', 'acct_few', 'acct_many'];
    const answers = await together(ids, platformA);
    expect(answers).toEqual(await alone(ids, platformA));

    const [eur, many, other, none, few] = answers;
    expect(eur!.balances.map((balance) => balance.currency)).toEqual(['eur', 'usd']);
    expect(many!.balanceTransactions.nodes).toHaveLength(5);
    expect(many!.balanceTransactions.pageInfo.hasNextPage).toBe(true);
    expect(many!.balances[0]!.available).toBeGreaterThan(0);
    expect(few!.balanceTransactions.nodes).toHaveLength(1);
    expect(few!.balances[0]).toMatchObject({ available: 0 });
    expect(few!.balances[0]!.pending).toBeGreaterThan(0);
    // Nothing of another platform's account, nor of an account without money.
    for (const empty of [other!, none!]) {
      expect(empty.balances).toEqual([]);
      expect(empty.balanceTransactions.nodes).toEqual([]);
    }
    // No page holds another account's transactions.
    const pages = [eur!, many!, few!].map((answer) =>
      answer.balanceTransactions.nodes.map((node) => node.id),
    );
    expect(new Set(pages.flat()).size).toBe(pages.flat().length);
  });

  it('gives the other platform its own account and nothing of the first one’s', async () => {
    const [other, many] = await together(['acct_other', 'acct_many'], platformB);
    expect(other!.balanceTransactions.nodes).toHaveLength(1);
    expect(other!.balances.map((balance) => balance.currency)).toEqual(['usd']);
    expect(many).toEqual({
      balances: [],
      balanceTransactions: { nodes: [], pageInfo: { hasNextPage: false } },
    });
  });
});
