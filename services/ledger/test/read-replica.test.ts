import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@dash/testing';
import { loadServiceConfig, migrateService } from '@dash/subgraph';
import { accountReference, startTestService, type TestService } from '@dash/subgraph/testing';
import { ledgerService } from '../src/index.js';
import { ada, balanceOf, fund, knownAccounts, payOut } from './support.js';

// The "replica" is a second ledger database that has not caught up: it holds none of the
// primary's money. Lists routed to the replica show its rows; every money decision must still
// see the primary's — had one read the replica, the payout below would be refused.
let replica: TestDatabase;
let service: TestService;

beforeAll(async () => {
  replica = await createTestDatabase('ledger_replica');
  await migrateService(
    ledgerService,
    loadServiceConfig(ledgerService, {
      NODE_ENV: 'test',
      MYSQL_URL: replica.url,
      DASH_LEDGER_DATABASE: replica.database,
    }),
  );
  service = await startTestService(ledgerService, {
    MYSQL_REPLICA_URLS: `${replica.url.replace(/\/$/, '')}/${replica.database}`,
  });
  await knownAccounts(service, [{ id: 'acct_ada', platformId: 'plat_a' }]);
});

afterAll(async () => {
  await service?.close();
  await replica?.drop();
});

const LIST = `query($reps: [_Any!]!) { _entities(representations: $reps) {
  ... on Account { balanceTransactions(first: 10) { nodes { id type net } } } } }`;

const listed = async () => {
  const response = await service.query<{
    _entities: Array<{ balanceTransactions: { nodes: Array<{ id: string; net: number }> } }>;
  }>(LIST, accountReference('acct_ada'), ada);
  expect(response.errors).toBeUndefined();
  return response.data!._entities[0]!.balanceTransactions.nodes;
};

describe('ledger reads with a replica behind', () => {
  it('lists from the replica, but balances and payouts decide on the primary', async () => {
    await fund(service, 'acct_ada', 5_000);

    // The list a person reads lags: the replica has not seen the transfer yet.
    expect(await listed()).toEqual([]);

    // The balance, and the payout checked against it, see the money at once.
    expect((await balanceOf(service, 'acct_ada')).available).toBe(5_000);
    const payout = await payOut(service, { amount: 2_000 });
    expect(payout.balanceTransactionId).toMatch(/^txn_/);
    expect((await balanceOf(service, 'acct_ada')).available).toBe(3_000);
    // Once more than the primary holds is refused, whatever the replica says.
    await expect(payOut(service, { amount: 3_001 })).rejects.toThrow();

    // Replication catches up (copied here by hand): the list shows what the primary has.
    await service.dataSource.query(
      `INSERT INTO \`${replica.database}\`.balance_transactions SELECT * FROM balance_transactions`,
    );
    const rows = (await service.dataSource.query('SELECT id FROM balance_transactions')) as Array<{
      id: string;
    }>;
    expect((await listed()).map((row) => row.id).sort()).toEqual(rows.map((row) => row.id).sort());
  });
});
