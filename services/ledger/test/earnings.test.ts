import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountReference, startTestService, type TestService } from '@dash/subgraph/testing';
import { ledgerService } from '../src/index.js';
import { ada, charge, knownAccounts, newKey, platformA, REFUND } from './support.js';

describe('earnings through the subgraph', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService(ledgerService);
    await knownAccounts(service, [{ id: 'acct_ada', platformId: 'plat_a' }]);
  });
  afterAll(() => service.close());

  const earnings = (range: string, timeZone = 'UTC') =>
    service.query<{
      _entities: Array<{
        earnings: { total: number; previousTotal: number | null; buckets: Array<{ net: number }> };
      }>;
    }>(
      `query($reps: [_Any!]!, $range: EarningsRange!, $tz: String!) { _entities(representations: $reps) {
        ... on Account { earnings(range: $range, currency: "usd", timeZone: $tz) { total previousTotal buckets { start net } } } } }`,
      { ...accountReference('acct_ada'), range, tz: timeZone },
      ada,
    );

  it('adds charges and transfers net of fees and takes refunds away, the moment they happen', async () => {
    const paid = (await charge(service, { amount: 10_000 })).data!.createCharge;
    await service.query(
      'mutation($input: TransferInput!, $key: String!) { createTransfer(input: $input, idempotencyKey: $key) { id } }',
      { input: { account: 'acct_ada', amount: 1_000, currency: 'usd' }, key: newKey() },
      platformA,
    );
    await service.query(
      REFUND,
      { input: { charge: paid.id, amount: 2_500 }, key: newKey() },
      platformA,
    );
    for (const range of ['last_24_hours', 'last_7_days', 'lifetime']) {
      const result = (await earnings(range)).data!._entities[0]!.earnings;
      // 100.00 − 3.20 fees, + 10.00 transferred, − 25.00 refunded
      expect(result.total, range).toBe(9_680 + 1_000 - 2_500);
    }
    expect((await earnings('lifetime')).data!._entities[0]!.earnings.previousTotal).toBeNull();
    expect((await earnings('last_7_days')).data!._entities[0]!.earnings.previousTotal).toBe(0);
  });

  it('refuses a time zone it does not know', async () => {
    const response = await earnings('last_7_days', 'Mars/Olympus');
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'timeZone',
    });
  });
});
