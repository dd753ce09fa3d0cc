import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printServiceSdl } from '@dash/subgraph';
import {
  accountCaller,
  platformCaller,
  accountReference,
  startTestService,
  type TestService,
} from '@dash/subgraph/testing';
import { payoutsService, seedPayouts, type PayoutSeedRow } from '../src/index.js';

let service: TestService;

const ada = accountCaller('acct_ada');
const platformB = platformCaller('plat_b');
const day = 24 * 3600 * 1000;
const now = Date.now();

const payout = (
  id: string,
  accountId: string,
  amount: number,
  status: 'paid' | 'in_transit' | 'pending',
  arrivesInDays: number,
  createdDaysAgo: number,
): PayoutSeedRow => ({
  id,
  accountId,
  platformId: 'plat_a',
  amount,
  fee: 0,
  currency: 'usd',
  status,
  method: 'standard',
  automatic: true,
  requestedBy: 'schedule',
  arrivalDate: new Date(now + arrivesInDays * day),
  destination: null,
  description: null,
  balanceTransactionId: null,
  failureCode: null,
  failureMessage: null,
  railReference: null,
  updatedAt: null,
  returnedAt: null,
  createdAt: new Date(now - createdDaysAgo * day),
});

const query = `query($reps: [_Any!]!, $first: Int) {
  _entities(representations: $reps) {
    ... on Account { payouts(first: $first) { nodes { id amount status method } } nextPayout { id } }
  }
}`;

beforeAll(async () => {
  // The simulated bank must not move the seeded payouts along while the tests read them.
  service = await startTestService(payoutsService, { DASH_PAYOUT_TICK_MS: '3600000' });
  await seedPayouts(service.dataSource, {
    platform: { id: 'plat_a', name: 'Rocket Rides', features: {} },
    accounts: [
      { id: 'acct_ada', livemode: false },
      { id: 'acct_bob', livemode: false },
    ],
    externalAccounts: [],
    schedules: [],
    payouts: [
      payout('po_1', 'acct_ada', 10_000, 'paid', -5, 7),
      payout('po_2', 'acct_ada', 3_000_000_000, 'in_transit', 2, 1),
      payout('po_3', 'acct_ada', 2_000, 'pending', 4, 0),
      payout('po_4', 'acct_bob', 500, 'paid', -1, 3),
    ],
  });
});
afterAll(() => service.close());

describe('payouts subgraph', () => {
  it('answers a platform asking for many accounts in one call as it answers each alone', async () => {
    const platformA = platformCaller('plat_a');
    const PAGES = `query($reps: [_Any!]!, $first: Int, $status: [PayoutStatus!]) {
      _entities(representations: $reps) {
        ... on Account { payouts(first: $first, status: $status) { nodes { id } pageInfo { hasNextPage } } }
      }
    }`;
    type Pages = { _entities: Array<{ payouts: { nodes: Array<{ id: string }> } }> };
    const ask = async (ids: string[], variables: Record<string, unknown>) => {
      const reps = ids.map((id) => ({ __typename: 'Account', id }));
      const response = await service.query<Pages>(PAGES, { reps, ...variables }, platformA);
      expect(response.errors).toBeUndefined();
      return response.data!._entities;
    };
    // Shuffled, one account twice; a page shorter than one account's payouts; a status filter.
    const ids = ['acct_bob', 'acct_ada', 'acct_bob'];
    for (const variables of [{ first: 2 }, { first: 10 }, { first: 10, status: ['paid'] }]) {
      const together = await ask(ids, variables);
      const alone = await Promise.all(ids.map(async (id) => (await ask([id], variables))[0]));
      expect(together).toEqual(alone);
    }
    const [bob, ada] = await ask(ids, { first: 2 });
    expect(ada!.payouts.nodes.map((node) => node.id)).toEqual(['po_3', 'po_2']);
    expect(bob!.payouts.nodes.map((node) => node.id)).toEqual(['po_4']);
    const [, paidOnly] = await ask(ids, { first: 10, status: ['paid'] });
    expect(paidOnly!.payouts.nodes.map((node) => node.id)).toEqual(['po_1']);
    // Another platform's key asking for the same accounts in one call reads none of them.
    const stranger = await service.query<Pages>(
      PAGES,
      { reps: ids.map((id) => ({ __typename: 'Account', id })), first: 10 },
      platformB,
    );
    expect(stranger.data!._entities.map((account) => account.payouts.nodes)).toEqual([[], [], []]);
  });

  it('lists payouts newest first and picks the next one to arrive', async () => {
    const response = await service.query(query, accountReference('acct_ada'), ada);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      _entities: [
        {
          payouts: {
            nodes: [
              { id: 'po_3', amount: 2_000, status: 'pending', method: 'standard' },
              { id: 'po_2', amount: 3_000_000_000, status: 'in_transit', method: 'standard' },
              { id: 'po_1', amount: 10_000, status: 'paid', method: 'standard' },
            ],
          },
          nextPayout: { id: 'po_2' },
        },
      ],
    });
  });

  it('sums the money on its way to the bank, for the account alone', async () => {
    const inTransit = `query($reps: [_Any!]!) {
      _entities(representations: $reps) { ... on Account { payoutsInTransit { currency amount } } }
    }`;
    const own = await service.query(inTransit, accountReference('acct_ada'), ada);
    expect(own.errors).toBeUndefined();
    // po_2 and po_3 (in transit, pending); the paid po_1 and bob's payout do not count.
    expect(own.data).toEqual({
      _entities: [{ payoutsInTransit: [{ currency: 'usd', amount: 3_000_002_000 }] }],
    });
    const other = await service.query(inTransit, accountReference('acct_ada'), platformB);
    expect(other.data).toEqual({ _entities: [{ payoutsInTransit: [] }] });
  });

  it('limits the list and rejects a limit out of range with a typed error', async () => {
    const two = await service.query<{ _entities: Array<{ payouts: { nodes: unknown[] } }> }>(
      query,
      { ...accountReference('acct_ada'), first: 2 },
      ada,
    );
    expect(two.data?._entities[0]?.payouts.nodes).toHaveLength(2);
    const tooMany = await service.query(
      query,
      { ...accountReference('acct_ada'), first: 500 },
      ada,
    );
    expect(tooMany.errors?.[0]).toMatchObject({
      message: 'first must not be greater than 100',
      extensions: { code: 'BAD_USER_INPUT', field: 'first' },
    });
  });

  it("never shows another tenant's payouts", async () => {
    const sibling = await service.query(query, accountReference('acct_bob'), ada);
    expect(sibling.data).toEqual({ _entities: [{ payouts: { nodes: [] }, nextPayout: null }] });
    const otherPlatform = await service.query(query, accountReference('acct_ada'), platformB);
    expect(otherPlatform.data).toEqual({
      _entities: [{ payouts: { nodes: [] }, nextPayout: null }],
    });
    const anonymous = await service.query(query, accountReference('acct_ada'));
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('has an up-to-date schema.graphql', async () => {
    expect(await readFile(new URL('../schema.graphql', import.meta.url), 'utf8')).toBe(
      await printServiceSdl(payoutsService),
    );
  });
});
