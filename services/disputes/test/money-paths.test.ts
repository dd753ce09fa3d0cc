import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerInvariants } from '@dash/ledger';
import { createLogger } from '@dash/logger';
import { MAX_CHARGE_AMOUNT } from '@dash/money';
import { savePlatform } from '@dash/subgraph';
import {
  accountCaller,
  accountReference,
  TEST_SECRET_KEYS,
  type TestService,
} from '@dash/subgraph/testing';
import { deleteRedisPrefix, testRedisPrefix, testRedisUrl } from '@dash/testing';
import { assembleDisputes } from '../src/index.js';
import {
  call,
  newAccount as newAccountOf,
  platformA,
  reasonOf,
  settledPayment as settledPaymentOf,
  startWithLedger,
  stopServices,
} from './support.js';

/**
 * Money leaving by two paths at once (a refund and a dispute of one payment) and money coming
 * in (reserve top-ups), attacked as an account or platform would: in parallel, through both
 * services, with events running between them.
 */
let ledger: TestService;
let disputes: TestService;
let env: Record<string, string>;
let keys = 0;
const DAILY_MAX = 1_000;
const redisPrefix = testRedisPrefix('money-paths');

/** The disputes service's use cases as its worker runs them, with settings of the test's. */
const worker = (settings: Record<string, string> = {}) =>
  assembleDisputes({
    dataSource: disputes.dataSource,
    log: createLogger('test', 'silent'),
    config: { internalSecret: TEST_SECRET_KEYS.for('disputes') },
    env: { ...env, ...settings },
  });

const newAccount = () => newAccountOf({ ledger, disputes }, 'mp');
const settledPayment = (accountId: string, amount?: number) =>
  settledPaymentOf({ ledger, disputes }, accountId, amount);

const refund = (chargeId: string, amount?: number) =>
  call<{ createRefund: { id: string; amount: number } }>(
    ledger,
    platformA,
    'mutation($i: RefundInput!, $k: String!) { createRefund(input: $i, idempotencyKey: $k) { id amount } }',
    { i: { charge: chargeId, ...(amount ? { amount } : {}) }, k: `mp-refund-${(keys += 1)}` },
  );
const openDispute = (chargeId: string, inquiry = false) =>
  call<{ createTestDispute: { id: string; status: string } }>(
    disputes,
    platformA,
    'mutation($c: ID!, $q: Boolean) { createTestDispute(charge: $c, reason: fraudulent, inquiry: $q) { id status } }',
    { c: chargeId, q: inquiry },
  );
const disputeStatus = async (id: string) =>
  (
    (await disputes.dataSource.query('SELECT status FROM disputes WHERE id = ?', [id])) as Array<{
      status: string;
    }>
  )[0]?.status;

type Balance = { available: number; pending: number; reserve: number };
async function balanceOf(accountId: string): Promise<Balance> {
  const response = await call<{ _entities: Array<{ balances: Balance[] }> }>(
    ledger,
    platformA,
    'query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Account { balances { available pending reserve } } } }',
    accountReference(accountId),
  );
  return response.data!._entities[0]!.balances[0] ?? { available: 0, pending: 0, reserve: 0 };
}

const TOP_UP =
  'mutation($n: SafeInt!, $k: String!, $s: String) { topUpReserve(amount: $n, currency: "usd", idempotencyKey: $k, source: $s) { id status amount failureCode } }';
type TopupResult = { topUpReserve: { id: string; status: string; failureCode: string | null } };
const topUp = (accountId: string, amount: number, source?: string) =>
  call<TopupResult>(disputes, accountCaller(accountId, 'plat_a'), TOP_UP, {
    n: amount,
    k: `mp-topup-${(keys += 1)}`,
    ...(source ? { s: source } : {}),
  });

beforeAll(async () => {
  env = {
    DASH_REDIS_PREFIX: redisPrefix,
    DASH_DISPUTE_TICK_MS: '3600000',
    DASH_TOPUP_DAILY_MAX: String(DAILY_MAX),
    DASH_TOPUP_SETTLE_MS: '3600000',
    DASH_FILE_STORAGE_DIR: `/tmp/dash-files-${process.pid}`,
  };
  // One Redis prefix for both: the ledger's events reach the disputes service.
  ({ ledger, disputes } = await startWithLedger(env, { DASH_REDIS_PREFIX: redisPrefix }));
  env = { ...env, DASH_LEDGER_URL: ledger.url };
  await disputes.dataSource.transaction((manager) =>
    savePlatform(
      manager,
      {
        id: 'plat_a',
        name: 'Rocket Rides',
        features: { reserveTopUps: true, manageDisputes: true },
      },
      new Date(),
    ),
  );
});
afterAll(async () => {
  await stopServices({ ledger, disputes });
  await deleteRedisPrefix(testRedisUrl(), redisPrefix);
});

describe('a refund and a dispute of one payment', () => {
  it('30 parallel full refunds racing the dispute’s opening: the money goes out once', async () => {
    for (let round = 0; round < 3; round += 1) {
      const accountId = await newAccount();
      const chargeId = await settledPayment(accountId);
      const [dispute, ...refunds] = await Promise.all([
        openDispute(chargeId),
        ...Array.from({ length: 30 }, () => refund(chargeId)),
      ]);
      const refunded = refunds.filter((answer) => answer.data?.createRefund);
      if (dispute.data?.createTestDispute) {
        expect(refunded).toHaveLength(0);
        expect(new Set(refunds.map(reasonOf))).toEqual(new Set(['CHARGE_DISPUTED']));
      } else {
        expect(reasonOf(dispute)).toBe('NOT_DISPUTABLE');
        expect(refunded).toHaveLength(1);
      }
    }
    expect((await ledgerInvariants(ledger.dataSource)).ok).toBe(true);
  });

  it('a charged-back payment cannot be refunded, in part or in full', async () => {
    const chargeId = await settledPayment(await newAccount());
    expect((await openDispute(chargeId)).data?.createTestDispute.status).toBe('needs_response');
    expect(reasonOf(await refund(chargeId))).toBe('CHARGE_DISPUTED');
    expect(reasonOf(await refund(chargeId, 100))).toBe('CHARGE_DISPUTED');
  });

  it('an inquiry refunded in full closes (warning_closed); refunded in part, it is refused', async () => {
    const chargeId = await settledPayment(await newAccount());
    const inquiry = (await openDispute(chargeId, true)).data!.createTestDispute;
    expect(inquiry.status).toBe('warning_needs_response');
    expect(reasonOf(await refund(chargeId, 5_000))).toBe('CHARGE_DISPUTED');
    expect((await refund(chargeId)).data?.createRefund.amount).toBe(10_000);
    // The ledger's event reaches the disputes service, which closes the inquiry.
    await expect.poll(() => disputeStatus(inquiry.id), { timeout: 15_000 }).toBe('warning_closed');
  });

  it('an inquiry closed without a refund lets the payment be refunded in part again', async () => {
    const accountId = await newAccount();
    const chargeId = await settledPayment(accountId);
    const inquiry = (await openDispute(chargeId, true)).data!.createTestDispute;
    expect(reasonOf(await refund(chargeId, 2_000))).toBe('CHARGE_DISPUTED');
    const accepted = await call<{ acceptDispute: { status: string } }>(
      disputes,
      accountCaller(accountId, 'plat_a'),
      'mutation($d: ID!) { acceptDispute(dispute: $d) { status } }',
      { d: inquiry.id },
    );
    expect(accepted.data?.acceptDispute.status).toBe('warning_closed');
    expect((await refund(chargeId, 2_000)).data?.createRefund.amount).toBe(2_000);
  });

  it('a dispute opened again after its answer was lost is the same dispute, not a refusal', async () => {
    const chargeId = await settledPayment(await newAccount());
    const first = (await openDispute(chargeId)).data!.createTestDispute;
    // The ledger has it, but the disputes service lost its row (it crashed before writing it).
    await disputes.dataSource.query('DELETE FROM disputes WHERE id = ?', [first.id]);
    const again = await openDispute(chargeId);
    expect(again.errors).toBeUndefined();
    expect(again.data!.createTestDispute.id).toBe(first.id);
    expect((await ledgerInvariants(ledger.dataSource)).ok).toBe(true);
  });
});

describe('reserve top-ups', () => {
  it('20 parallel top-ups with one key: one top-up, one ledger entry, the key bound to its amount', async () => {
    const accountId = await newAccount();
    const account = accountCaller(accountId, 'plat_a');
    const sameKey = (amount: number) =>
      call<TopupResult>(disputes, account, TOP_UP, { n: amount, k: 'mp-once' });
    const answers = await Promise.all(Array.from({ length: 20 }, () => sameKey(300)));
    expect(answers.map((answer) => answer.errors)).toEqual(answers.map(() => undefined));
    expect(new Set(answers.map((answer) => answer.data!.topUpReserve.id)).size).toBe(1);
    const rows = (await disputes.dataSource.query(
      'SELECT COUNT(*) AS n FROM reserve_topups WHERE account_id = ?',
      [accountId],
    )) as Array<{ n: number | string }>;
    expect(Number(rows[0]!.n)).toBe(1);
    expect((await balanceOf(accountId)).pending).toBe(300);
    expect(reasonOf(await sameKey(400))).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it(`30 parallel top-ups against a daily cap of ${DAILY_MAX}: exactly the cap passes`, async () => {
    const accountId = await newAccount();
    const answers = await Promise.all(Array.from({ length: 30 }, () => topUp(accountId, 100)));
    const passed = answers.filter((answer) => answer.data?.topUpReserve);
    expect(passed).toHaveLength(DAILY_MAX / 100);
    expect(new Set(answers.filter((a) => a.errors).map(reasonOf))).toEqual(
      new Set(['TOPUP_DAILY_LIMIT']),
    );
    const [row] = (await disputes.dataSource.query(
      'SELECT COUNT(*) AS n, SUM(amount) AS total FROM reserve_topups WHERE account_id = ?',
      [accountId],
    )) as Array<{ n: string; total: string }>;
    expect({ n: Number(row!.n), total: Number(row!.total) }).toEqual({
      n: DAILY_MAX / 100,
      total: DAILY_MAX,
    });
    expect((await balanceOf(accountId)).pending).toBe(DAILY_MAX);
  });

  it('is pending until the bank debit settles, and in the reserve after', async () => {
    const accountId = await newAccount();
    const pending = (await topUp(accountId, 600)).data!.topUpReserve;
    expect(pending.status).toBe('pending');
    await worker().topups.advancePending();
    expect(await balanceOf(accountId)).toEqual({ available: 0, pending: 600, reserve: 0 });
    await worker({ DASH_TOPUP_SETTLE_MS: '0' }).topups.advancePending();
    expect(await balanceOf(accountId)).toEqual({ available: 0, pending: 0, reserve: 600 });
    const [row] = (await disputes.dataSource.query(
      'SELECT status FROM reserve_topups WHERE id = ?',
      [pending.id],
    )) as Array<{ status: string }>;
    expect(row!.status).toBe('succeeded');
  });

  it('a failed debit leaves the balance as it was', async () => {
    const accountId = await newAccount();
    const before = await balanceOf(accountId);
    const topup = (await topUp(accountId, 700, '000111111116')).data!.topUpReserve;
    await worker({ DASH_TOPUP_SETTLE_MS: '0' }).topups.advancePending();
    const [row] = (await disputes.dataSource.query(
      'SELECT status, failure_code FROM reserve_topups WHERE id = ?',
      [topup.id],
    )) as Array<{ status: string; failure_code: string }>;
    expect(row).toEqual({ status: 'failed', failure_code: 'no_account' });
    expect(await balanceOf(accountId)).toEqual(before);
    expect((await ledgerInvariants(ledger.dataSource)).ok).toBe(true);
  });

  it('refuses more than a charge may be', async () => {
    const accountId = await newAccount();
    expect(reasonOf(await topUp(accountId, MAX_CHARGE_AMOUNT + 1))).toBe('AMOUNT_OUT_OF_RANGE');
    const beyondSafe = await call<Partial<TopupResult>>(
      disputes,
      accountCaller(accountId, 'plat_a'),
      'mutation { topUpReserve(amount: 9007199254740993, currency: "usd", idempotencyKey: "mp-big") { id } }',
    );
    expect(beyondSafe.errors?.[0]?.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
    expect(beyondSafe.data?.topUpReserve ?? null).toBeNull();
  });
});
