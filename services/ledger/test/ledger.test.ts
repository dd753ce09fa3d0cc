import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepCapabilities, printServiceSdl, rememberAccount } from '@dash/subgraph';
import { accountReference, startTestService, type TestService } from '@dash/subgraph/testing';
import type { GraphqlResponse } from '@dash/testing';
import { ledgerInvariants, ledgerService } from '../src/index.js';
import { releaseDue } from '../src/postings/release.service.js';
import {
  ada,
  BALANCES,
  charge,
  expectLedgerHolds,
  knownAccounts,
  newKey,
  platformA,
  platformB,
  REFUND,
  TRANSFER,
} from './support.js';

let service: TestService;
const DAY = 24 * 3600 * 1000;

type Balance = {
  currency: string;
  available: number;
  pending: number;
  reserve: number;
  total: number;
  availableSoon: Array<{ availableOn: string; amount: number }>;
};
async function balancesOf(accountId: string, caller = ada): Promise<Balance[]> {
  const response = await service.query<{ _entities: Array<{ balances: Balance[] }> }>(
    BALANCES,
    accountReference(accountId),
    caller,
  );
  return response.data!._entities[0]!.balances;
}

beforeAll(async () => {
  service = await startTestService(ledgerService);
  await knownAccounts(service, [
    { id: 'acct_ada', platformId: 'plat_a' },
    { id: 'acct_bob', platformId: 'plat_a' },
    { id: 'acct_cy', platformId: 'plat_b' },
  ]);
});
afterAll(() => service.close());

describe('charges', () => {
  it('posts a charge: fees by the schedule, net pending for two days, every field', async () => {
    const response = await charge(service, {
      amount: 10_000,
      description: 'Ride to the airport',
      customerName: 'Ana Lima',
      customerEmail: 'Ana@Example.com',
      cardBrand: 'visa',
      cardLast4: '4242',
      applicationFeeAmount: 500,
      metadata: [{ key: 'ride', value: 'r_1' }],
    });
    expect(response.errors).toBeUndefined();
    const created = response.data!.createCharge;
    // 2.9% of 100.00 is 2.90, plus 0.30; plus the platform's 5.00.
    expect(created).toMatchObject({
      amount: 10_000,
      status: 'succeeded',
      fee: 820,
      applicationFeeAmount: 500,
      net: 9_180,
      refundable: 10_000,
      description: 'Ride to the airport',
      customer: { name: 'Ana Lima', email: 'ana@example.com' },
      card: { brand: 'visa', last4: '4242' },
      metadata: [{ key: 'ride', value: 'r_1' }],
      balanceTransaction: {
        type: 'charge',
        amount: 10_000,
        fee: 820,
        net: 9_180,
        status: 'pending',
        feeDetails: [
          { type: 'processing_fee', amount: 320 },
          { type: 'application_fee', amount: 500 },
        ],
        source: created.id,
      },
    });
    const availableOn = Date.parse(created.balanceTransaction!.availableOn);
    expect(Math.abs(availableOn - (Date.now() + 2 * DAY))).toBeLessThan(60_000);
  });

  it('names a payment after the platform when it has no description', async () => {
    const response = await charge(service, { amount: 1_500 });
    expect(response.data!.createCharge.description).toBe('Payment from Rocket Rides');
  });

  it('records a declined card as a failed payment that moves no money', async () => {
    const before = await balancesOf('acct_ada');
    const response = await charge(service, { amount: 4_000, cardLast4: '0002' });
    expect(response.data!.createCharge).toMatchObject({
      status: 'failed',
      fee: 0,
      refundable: 0,
      failureMessage: 'Your card was declined.',
      balanceTransaction: null,
    });
    expect(await balancesOf('acct_ada')).toEqual(before);
  });

  it('refuses bad input with a typed error naming the field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ amount: 0 }, 'amount'],
      [{ amount: 100, currency: 'dollars' }, 'currency'],
      [{ amount: 100, customerEmail: 'not-an-email' }, 'customerEmail'],
      [{ amount: 100, cardLast4: '42' }, 'cardLast4'],
      [{ amount: 100, applicationFeeAmount: 90 }, 'applicationFeeAmount'],
    ];
    for (const [input, field] of cases) {
      const response = await charge(service, input);
      expect(response.errors?.[0]?.extensions, field).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
      });
    }
  });

  it("refuses a charge on another platform's account, or without a platform key", async () => {
    const foreign = await charge(service, { account: 'acct_cy', amount: 1_000 });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const byAccount = await charge(service, { amount: 1_000 }, ada);
    expect(byAccount.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('capabilities gate money', () => {
  const remember = (accountId: string, chargesEnabled: boolean) =>
    service.dataSource.transaction((manager) =>
      rememberAccount(
        manager,
        { accountId, platformId: 'plat_a', livemode: false },
        { chargesEnabled, payoutsEnabled: chargesEnabled },
      ),
    );
  const reasonsOf = (responses: Array<GraphqlResponse<unknown>>) =>
    responses.map((response) => response.errors?.[0]?.extensions?.reason ?? 'passed');

  it('refuses 20 parallel charges and 20 parallel transfers to an account that never onboarded', async () => {
    await remember('acct_new', false);
    const attempts = await Promise.all([
      ...Array.from({ length: 20 }, () => charge(service, { account: 'acct_new', amount: 1_000 })),
      ...Array.from({ length: 20 }, () =>
        service.query(
          TRANSFER,
          { input: { account: 'acct_new', amount: 1_000, currency: 'usd' }, key: newKey() },
          platformA,
        ),
      ),
    ]);
    expect(new Set(reasonsOf(attempts))).toEqual(new Set(['ACCOUNT_CHARGES_DISABLED']));
    const [moved] = (await service.dataSource.query(
      "SELECT COUNT(*) AS n FROM balance_transactions WHERE account_id = 'acct_new'",
    )) as Array<{ n: number | string }>;
    expect(Number(moved!.n)).toBe(0);
  });

  it('stops charging within seconds of identity turning charges off, and starts again when on', async () => {
    await remember('acct_later', true);
    expect((await charge(service, { account: 'acct_later', amount: 500 })).errors).toBeUndefined();
    const requirementsEvent = (chargesEnabled: boolean, occurredAt: Date) =>
      service.dataSource.transaction((manager) =>
        keepCapabilities(
          {
            accountId: 'acct_later',
            platformId: 'plat_a',
            livemode: false,
            occurredAt: occurredAt.toISOString(),
            data: {
              requirements: { chargesEnabled, payoutsEnabled: false, currentDeadline: null },
            },
          },
          manager,
        ),
      );
    const off = new Date();
    await requirementsEvent(false, off);
    // An older event arriving late changes nothing.
    await requirementsEvent(true, new Date(off.getTime() - 60_000));
    const laterCharge = () =>
      expect.poll(
        async () => reasonsOf([await charge(service, { account: 'acct_later', amount: 500 })]),
        { timeout: 7_000, interval: 250 },
      );
    await laterCharge().toEqual(['ACCOUNT_CHARGES_DISABLED']);
    await requirementsEvent(true, new Date());
    await laterCharge().toEqual(['passed']);
  });

  it('stops charging when the deadline for what is due passes, without waiting for an event', async () => {
    await service.dataSource.transaction((manager) =>
      keepCapabilities(
        {
          accountId: 'acct_grace',
          platformId: 'plat_a',
          livemode: false,
          occurredAt: new Date().toISOString(),
          data: {
            requirements: {
              chargesEnabled: true,
              payoutsEnabled: false,
              currentDeadline: new Date(Date.now() - 1_000).toISOString(),
            },
          },
        },
        manager,
      ),
    );
    expect(reasonsOf([await charge(service, { account: 'acct_grace', amount: 500 })])).toEqual([
      'ACCOUNT_CHARGES_DISABLED',
    ]);
  });
});

describe('idempotency', () => {
  it('returns the first result for a retried key and refuses the key with other parameters', async () => {
    const key = newKey();
    const first = await charge(service, { amount: 2_000 }, platformA, key);
    const again = await charge(service, { amount: 2_000 }, platformA, key);
    expect(again.data!.createCharge.id).toBe(first.data!.createCharge.id);
    const other = await charge(service, { amount: 2_500 }, platformA, key);
    expect(other.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'IDEMPOTENCY_KEY_REUSED',
    });
    // Keys belong to their platform: another platform's identical key is its own.
    const elsewhere = await charge(service, { account: 'acct_cy', amount: 2_000 }, platformB, key);
    expect(elsewhere.data!.createCharge.id).not.toBe(first.data!.createCharge.id);
  });

  it('moves money once when the same request arrives many times at once', async () => {
    const key = newKey();
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        charge(service, { account: 'acct_bob', amount: 3_333 }, platformA, key),
      ),
    );
    const ids = new Set(results.map((result) => result.data?.createCharge.id));
    expect(ids.size).toBe(1);
    const [count] = (await service.dataSource.query(
      "SELECT COUNT(*) AS n FROM charges WHERE account_id = 'acct_bob' AND amount = 3333",
    )) as Array<{ n: string }>;
    expect(Number(count!.n)).toBe(1);
  });
});

describe('refunds', () => {
  it('refunds in parts up to the amount and no further, explaining the limit', async () => {
    const paid = (await charge(service, { amount: 5_000 })).data!.createCharge;
    const refund = (amount?: number) =>
      service.query<{ createRefund: { amount: number; requestedBy: string } }>(
        REFUND,
        { input: { charge: paid.id, ...(amount ? { amount } : {}) }, key: newKey() },
        platformA,
      );
    expect((await refund(2_000)).data?.createRefund).toMatchObject({
      amount: 2_000,
      requestedBy: 'platform',
    });
    const tooMuch = await refund(3_001);
    expect(tooMuch.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'amount',
      reason: 'REFUND_EXCEEDS_CHARGE',
      refundable: 3_000,
    });
    expect(tooMuch.errors?.[0]?.message).toContain('$30.00');
    const foreign = await service.query(
      REFUND,
      { input: { charge: paid.id }, key: newKey() },
      platformB,
    );
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await refund()).data?.createRefund.amount).toBe(3_000);
    expect((await refund()).errors?.[0]?.extensions?.reason).toBe('ALREADY_REFUNDED');
    const detail = await service.query<{
      _entities: Array<{
        payment: {
          status: string;
          refundable: number;
          refunds: unknown[];
          timeline: Array<{ type: string }>;
        };
      }>;
    }>(
      `query($reps: [_Any!]!, $id: ID!) { _entities(representations: $reps) { ... on Account {
        payment(id: $id) { status refundable refunds { amount } timeline { type amount } } } } }`,
      { ...accountReference('acct_ada'), id: paid.id },
      ada,
    );
    expect(detail.data!._entities[0]!.payment).toMatchObject({
      status: 'refunded',
      refundable: 0,
      refunds: [{ amount: 2_000 }, { amount: 3_000 }],
      timeline: [{ type: 'succeeded' }, { type: 'refunded' }, { type: 'refunded' }],
    });
  });

  it('lets the account refund from its dashboard unless its platform switched that off', async () => {
    const paid = (await charge(service, { amount: 1_200 })).data!.createCharge;
    const refundPayment = () =>
      service.query<{ refundPayment: { amount: number; requestedBy: string } }>(
        'mutation($p: ID!, $k: String!) { refundPayment(payment: $p, amount: 200, idempotencyKey: $k) { amount requestedBy } }',
        { p: paid.id, k: newKey() },
        ada,
      );
    expect((await refundPayment()).data?.refundPayment).toEqual({
      amount: 200,
      requestedBy: 'account',
    });
    // Live mode's switch off: a test-mode account is not affected.
    await service.dataSource.query(
      `UPDATE platforms SET features = '{"issueRefunds":false}' WHERE id = 'plat_a'`,
    );
    expect((await refundPayment()).errors).toBeUndefined();
    await service.dataSource.query(
      `UPDATE platforms SET test_features = '{"issueRefunds":false}' WHERE id = 'plat_a'`,
    );
    expect((await refundPayment()).errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      feature: 'issueRefunds',
    });
    await service.dataSource.query(
      `UPDATE platforms SET features = '{}', test_features = '{}' WHERE id = 'plat_a'`,
    );
  });
});

describe('balances', () => {
  it('moves pending money to available when its day comes, and keeps totals exact', async () => {
    await knownAccounts(service, [{ id: 'acct_dee', platformId: 'plat_a' }]);
    const dee = {
      kind: 'account' as const,
      accountId: 'acct_dee',
      platformId: 'plat_a',
      livemode: false,
    };
    await charge(service, { account: 'acct_dee', amount: 10_000 });
    await service.query(
      TRANSFER,
      { input: { account: 'acct_dee', amount: 700, currency: 'usd' }, key: newKey() },
      platformA,
    );
    const [before] = await balancesOf('acct_dee', dee);
    expect(before).toMatchObject({ available: 700, pending: 9_680, reserve: 0, total: 10_380 });
    expect(before!.availableSoon).toHaveLength(1);
    expect(before!.availableSoon[0]!.amount).toBe(9_680);

    await releaseDue(service.dataSource, new Date(Date.now() + 3 * DAY));
    const [after] = await balancesOf('acct_dee', dee);
    expect(after).toMatchObject({
      available: 10_380,
      pending: 0,
      total: 10_380,
      availableSoon: [],
    });
    expect((await ledgerInvariants(service.dataSource)).ok).toBe(true);
  });

  it('answers me for the signed-in account alone, so money queries take one hop', async () => {
    const mine = await service.query<{ me: { id: string; balances: unknown[] } }>(
      '{ me { id balances { currency } } }',
      {},
      ada,
    );
    expect(mine.data?.me.id).toBe('acct_ada');
    expect(mine.data?.me.balances).not.toEqual([]);
    const platform = await service.query('{ me { id } }', {}, platformA);
    expect(platform.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("shows a platform its own accounts' balances and nobody else's", async () => {
    expect(await balancesOf('acct_ada', platformA)).not.toEqual([]);
    expect(await balancesOf('acct_ada', platformB)).toEqual([]);
    expect(await balancesOf('acct_bob', ada)).toEqual([]);
  });
});

describe('the ledger as a whole', () => {
  it('keeps every invariant after all of the above', async () => {
    await expectLedgerHolds(service);
  });

  it('has an up-to-date schema.graphql', async () => {
    expect(await readFile(new URL('../schema.graphql', import.meta.url), 'utf8')).toBe(
      await printServiceSdl(ledgerService),
    );
  });
});
