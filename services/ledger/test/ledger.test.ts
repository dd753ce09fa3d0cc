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
import { ledgerService, seedLedger } from '../src/index.js';

let service: TestService;

const ada = accountCaller('acct_ada');
const platformA = platformCaller('plat_a');
const platformB = platformCaller('plat_b');

const day = 24 * 3600 * 1000;
const txn = (
  id: string,
  accountId: string,
  amount: number,
  fee: number,
  currency: string,
  availableInDays: number,
) => ({
  id,
  accountId,
  platformId: 'plat_a',
  type: 'charge',
  amount,
  fee,
  currency,
  description: 'Ride',
  availableOn: new Date(Date.now() + availableInDays * day),
  createdAt: new Date(),
});

const balancesOf = `query($reps: [_Any!]!) {
  _entities(representations: $reps) { ... on Account { id balances { currency available pending total } } }
}`;

beforeAll(async () => {
  service = await startTestService(ledgerService);
  await seedLedger(service.dataSource, [
    txn('txn_1', 'acct_ada', 10_000, 320, 'usd', -3),
    txn('txn_2', 'acct_ada', 2_500, 103, 'usd', 2),
    txn('txn_3', 'acct_ada', 120_000, 0, 'jpy', -1),
    // Larger than GraphQL Int can carry: SafeInt must.
    txn('txn_4', 'acct_ada', 5_000_000_000, 0, 'eur', -1),
    txn('txn_5', 'acct_bob', 999, 0, 'usd', -1),
  ]);
});
afterAll(() => service.close());

describe('ledger subgraph', () => {
  it('derives available and pending balances per currency from transactions', async () => {
    const response = await service.query(balancesOf, accountReference('acct_ada'), ada);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      _entities: [
        {
          id: 'acct_ada',
          balances: [
            { currency: 'eur', available: 5_000_000_000, pending: 0, total: 5_000_000_000 },
            { currency: 'jpy', available: 120_000, pending: 0, total: 120_000 },
            { currency: 'usd', available: 9_680, pending: 2_397, total: 12_077 },
          ],
        },
      ],
    });
  });

  it('shows an account only its own balances and a platform only its accounts', async () => {
    const sibling = await service.query(balancesOf, accountReference('acct_bob'), ada);
    expect(sibling.data).toEqual({ _entities: [{ id: 'acct_bob', balances: [] }] });

    const ownPlatform = await service.query(balancesOf, accountReference('acct_bob'), platformA);
    expect(ownPlatform.data).toEqual({
      _entities: [
        { id: 'acct_bob', balances: [{ currency: 'usd', available: 999, pending: 0, total: 999 }] },
      ],
    });

    const otherPlatform = await service.query(balancesOf, accountReference('acct_bob'), platformB);
    expect(otherPlatform.data).toEqual({ _entities: [{ id: 'acct_bob', balances: [] }] });
  });

  it('asks anonymous callers to sign in', async () => {
    const response = await service.query(balancesOf, accountReference('acct_ada'));
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('has an up-to-date schema.graphql', async () => {
    expect(await readFile(new URL('../schema.graphql', import.meta.url), 'utf8')).toBe(
      await printServiceSdl(ledgerService),
    );
  });
});
