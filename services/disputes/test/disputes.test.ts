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
import { disputesService, seedDisputes } from '../src/index.js';

let service: TestService;

const ada = accountCaller('acct_ada');
const platformA = platformCaller('plat_a');
const day = 24 * 3600 * 1000;

const dispute = (
  id: string,
  accountId: string,
  status: 'needs_response' | 'won' | 'lost',
  createdDaysAgo: number,
) => ({
  id,
  accountId,
  platformId: 'plat_a',
  chargeId: `ch_${id}`,
  amount: 4_500,
  currency: 'usd',
  fee: 0,
  reason: 'product_not_received' as const,
  status,
  evidenceDueBy: status === 'needs_response' ? new Date(Date.now() + 7 * day) : null,
  createdAt: new Date(Date.now() - createdDaysAgo * day),
});

const query = `query($reps: [_Any!]!) {
  _entities(representations: $reps) {
    ... on Account { disputes { id status reason amount evidenceDueBy } disputesNeedingResponse }
  }
}`;

beforeAll(async () => {
  // No ledger here: the seeded disputes' withdrawals stay due while the tests read them.
  service = await startTestService(disputesService, { DASH_DISPUTE_TICK_MS: '3600000' });
  await seedDisputes(service.dataSource, {
    platform: { id: 'plat_a', name: 'Rocket Rides', features: {} },
    disputes: [
      dispute('dp_1', 'acct_ada', 'won', 30),
      dispute('dp_2', 'acct_ada', 'needs_response', 2),
      dispute('dp_3', 'acct_bob', 'needs_response', 1),
    ],
  });
});
afterAll(() => service.close());

type Result = {
  _entities: Array<{
    disputes: Array<{ id: string; evidenceDueBy: string | null }>;
    disputesNeedingResponse: number;
  }>;
};

describe('disputes subgraph', () => {
  it('lists those needing a response first and counts them', async () => {
    const response = await service.query<Result>(query, accountReference('acct_ada'), ada);
    expect(response.errors).toBeUndefined();
    const [account] = response.data!._entities;
    expect(account!.disputes.map((d) => d.id)).toEqual(['dp_2', 'dp_1']);
    expect(account!.disputes[0]).toMatchObject({
      status: 'needs_response',
      reason: 'product_not_received',
      amount: 4_500,
    });
    expect(new Date(account!.disputes[0]!.evidenceDueBy!).getTime()).toBeGreaterThan(Date.now());
    expect(account!.disputesNeedingResponse).toBe(1);
  });

  it('keeps tenants apart', async () => {
    const sibling = await service.query<Result>(query, accountReference('acct_bob'), ada);
    expect(sibling.data).toEqual({ _entities: [{ disputes: [], disputesNeedingResponse: 0 }] });
    const platform = await service.query<Result>(query, accountReference('acct_bob'), platformA);
    expect(platform.data!._entities[0]!.disputesNeedingResponse).toBe(1);
  });

  it('has an up-to-date schema.graphql', async () => {
    expect(await readFile(new URL('../schema.graphql', import.meta.url), 'utf8')).toBe(
      await printServiceSdl(disputesService),
    );
  });
});
