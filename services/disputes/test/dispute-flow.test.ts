import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '@dash/auth-context';
import { ledgerInvariants } from '@dash/ledger';
import { createLogger } from '@dash/logger';
import {
  accountCaller,
  accountReference,
  platformCaller,
  TEST_SECRET_KEYS,
  type TestService,
} from '@dash/subgraph/testing';
import { assembleDisputes } from '../src/index.js';
import {
  accountWithPayment as accountWithPaymentOf,
  call,
  extensionsOf,
  newAccount,
  platformA,
  PNG,
  setFeatures as setPlatformFeatures,
  startWithLedger,
  stopServices,
  uploadFile,
} from './support.js';

let ledger: TestService;
let disputes: TestService;
let env: Record<string, string>;
const platformB = platformCaller('plat_b');

const DISPUTE_FIELDS =
  'id status amount fee currency reason evidenceDueBy overdue isChargeRefundable evidenceSubmittedAt';
type DisputeResult = {
  id: string;
  status: string;
  amount: number;
  fee: number;
  overdue: boolean;
  isChargeRefundable: boolean;
};

const setFeatures = (features: Record<string, boolean>) => setPlatformFeatures(disputes, features);

const accountWithPayment = (amount?: number) =>
  accountWithPaymentOf({ ledger, disputes }, 'dsp', amount);

async function balanceOf(accountId: string) {
  const response = await call<{
    _entities: Array<{ balances: Array<{ available: number; reserve: number }> }>;
  }>(
    ledger,
    platformA,
    'query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Account { balances { available reserve } } } }',
    accountReference(accountId),
  );
  return response.data!._entities[0]!.balances[0]!;
}

const openDispute = (chargeId: string, extra: Record<string, unknown> = {}) =>
  call<{ createTestDispute: DisputeResult }>(
    disputes,
    platformA,
    `mutation($c: ID!, $due: DateTimeISO, $inquiry: Boolean) { createTestDispute(charge: $c, reason: product_not_received, evidenceDueBy: $due, inquiry: $inquiry) { ${DISPUTE_FIELDS} } }`,
    { c: chargeId, ...extra },
  );
const save = (caller: Caller, id: string, evidence: Record<string, string>) =>
  call<{ saveDisputeEvidence: DisputeResult & { evidence: Record<string, string | null> } }>(
    disputes,
    caller,
    'mutation($d: ID!, $e: DisputeEvidenceInput!) { saveDisputeEvidence(dispute: $d, evidence: $e) { id evidence { shippingCarrier shippingTrackingNumber shippingDate receipt } } }',
    { d: id, e: evidence },
  );
const submit = (caller: Caller, id: string) =>
  call<{ submitDisputeEvidence: DisputeResult }>(
    disputes,
    caller,
    `mutation($d: ID!) { submitDisputeEvidence(dispute: $d) { ${DISPUTE_FIELDS} } }`,
    { d: id },
  );
const close = (id: string, outcome: 'won' | 'lost', caller: Caller = platformA) =>
  call<{ closeTestDispute: DisputeResult }>(
    disputes,
    caller,
    `mutation($d: ID!, $o: DisputeOutcome!) { closeTestDispute(dispute: $d, outcome: $o) { ${DISPUTE_FIELDS} } }`,
    { d: id, o: outcome },
  );
/**
 * The account's events by when they occurred. Events written in one transaction (an opening's
 * dispute.created and dispute.funds_withdrawn) can share a millisecond, and an event id is random
 * after its millisecond: ties are ordered by type, which is their lifecycle order here.
 */
const eventsOf = async (accountId: string) =>
  (
    (await disputes.dataSource.query(
      'SELECT type FROM outbox_events WHERE account_id = ? ORDER BY occurred_at, type',
      [accountId],
    )) as Array<{ type: string }>
  ).map((row) => row.type);

const upload = (caller: Caller, bytes: Buffer, name: string) =>
  uploadFile(disputes, caller, { bytes, name });

beforeAll(async () => {
  env = {
    DASH_DISPUTE_TICK_MS: '3600000',
    DASH_FILE_STORAGE_DIR: `/tmp/dash-files-${process.pid}`,
  };
  ({ ledger, disputes } = await startWithLedger(env));
  env = { ...env, DASH_LEDGER_URL: ledger.url };
});
afterAll(() => stopServices({ ledger, disputes }));

describe('a dispute’s life', () => {
  it('takes the amount and fee at once, takes evidence, and gives the amount back when won', async () => {
    const { accountId, chargeId } = await accountWithPayment();
    expect((await balanceOf(accountId)).available).toBe(9_680);
    const opened = await openDispute(chargeId);
    expect(opened.errors).toBeUndefined();
    const dispute = opened.data!.createTestDispute;
    expect(dispute).toMatchObject({
      status: 'needs_response',
      amount: 10_000,
      fee: 1_500,
      overdue: false,
    });
    expect((await balanceOf(accountId)).available).toBe(9_680 - 11_500);

    const account = accountCaller(accountId, 'plat_a');
    await save(account, dispute.id, { shippingCarrier: 'UPS' });
    const incomplete = await submit(account, dispute.id);
    expect(extensionsOf(incomplete)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'EVIDENCE_INCOMPLETE',
      missing: ['shippingTrackingNumber', 'shippingDate'],
    });
    const saved = await save(account, dispute.id, {
      shippingTrackingNumber: '1Z999',
      shippingDate: '2026-11-20',
    });
    expect(saved.data?.saveDisputeEvidence.evidence).toMatchObject({
      shippingCarrier: 'UPS',
      shippingTrackingNumber: '1Z999',
    });
    const submitted = await submit(account, dispute.id);
    expect(submitted.data?.submitDisputeEvidence.status).toBe('under_review');
    expect(extensionsOf(await submit(account, dispute.id))).toMatchObject({
      reason: 'EVIDENCE_SUBMITTED',
    });

    const won = await close(dispute.id, 'won');
    expect(won.data?.closeTestDispute.status).toBe('won');
    // The amount comes back; the dispute fee does not (DASH_DISPUTE_FEE_RETURNED_ON_WIN=false).
    expect((await balanceOf(accountId)).available).toBe(9_680 - 1_500);
    expect(await eventsOf(accountId)).toEqual([
      'dispute.created',
      'dispute.funds_withdrawn',
      'dispute.updated',
      'dispute.closed',
      'dispute.funds_reinstated',
    ]);
    expect(extensionsOf(await close(dispute.id, 'lost'))).toMatchObject({
      reason: 'DISPUTE_CLOSED',
    });
    expect((await ledgerInvariants(ledger.dataSource)).ok).toBe(true);
  });

  it('a lost or accepted dispute keeps the money with the cardholder', async () => {
    const first = await accountWithPayment(5_000);
    const lost = (await openDispute(first.chargeId)).data!.createTestDispute;
    await close(lost.id, 'lost');
    expect((await balanceOf(first.accountId)).available).toBe(4_825 - 6_500);
    const second = await accountWithPayment(5_000);
    const accepted = (await openDispute(second.chargeId)).data!.createTestDispute;
    const response = await call<{ acceptDispute: DisputeResult }>(
      disputes,
      accountCaller(second.accountId, 'plat_a'),
      'mutation($d: ID!) { acceptDispute(dispute: $d) { status } }',
      { d: accepted.id },
    );
    expect(response.data?.acceptDispute.status).toBe('lost');
    expect(await eventsOf(second.accountId)).toContain('dispute.closed');
  });

  it('refuses evidence after the due date, and flags the dispute overdue', async () => {
    const { accountId, chargeId } = await accountWithPayment();
    const late = (await openDispute(chargeId, { due: new Date(Date.now() - 60_000).toISOString() }))
      .data!.createTestDispute;
    expect(late.overdue).toBe(true);
    const refused = await save(accountCaller(accountId, 'plat_a'), late.id, {
      shippingCarrier: 'UPS',
    });
    expect(extensionsOf(refused)).toMatchObject({
      code: 'FAILED_PRECONDITION',
      reason: 'EVIDENCE_PAST_DUE',
    });
  });

  it('an inquiry moves no money and closes without an outcome', async () => {
    const { accountId, chargeId } = await accountWithPayment();
    const inquiry = (await openDispute(chargeId, { inquiry: true })).data!.createTestDispute;
    expect(inquiry).toMatchObject({
      status: 'warning_needs_response',
      fee: 0,
      isChargeRefundable: true,
    });
    expect((await balanceOf(accountId)).available).toBe(9_680);
    expect((await close(inquiry.id, 'won')).data?.closeTestDispute.status).toBe('warning_closed');
    expect((await balanceOf(accountId)).available).toBe(9_680);
  });

  it('one dispute per payment; tenants and switched-off responses are refused', async () => {
    const { accountId, chargeId } = await accountWithPayment();
    const dispute = (await openDispute(chargeId)).data!.createTestDispute;
    expect(extensionsOf(await openDispute(chargeId))).toMatchObject({
      code: 'CONFLICT',
      reason: 'ALREADY_DISPUTED',
    });
    expect(extensionsOf(await close(dispute.id, 'won', platformB))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      extensionsOf(
        await save(
          accountCaller(await newAccount({ ledger, disputes }, 'other'), 'plat_a'),
          dispute.id,
          {
            shippingCarrier: 'x',
          },
        ),
      ),
    ).toMatchObject({
      code: 'NOT_FOUND',
    });
    await setFeatures({ manageDisputes: false });
    const off = await save(accountCaller(accountId, 'plat_a'), dispute.id, {
      shippingCarrier: 'UPS',
    });
    expect(extensionsOf(off)).toMatchObject({ code: 'FORBIDDEN', feature: 'manageDisputes' });
    await setFeatures({});
  });

  it('gives a won dispute’s money back once the ledger answers again', async () => {
    const { accountId, chargeId } = await accountWithPayment();
    const dispute = (await openDispute(chargeId)).data!.createTestDispute;
    await submit(accountCaller(accountId, 'plat_a'), dispute.id).catch(() => undefined);
    const cutOff = assembleDisputes({
      dataSource: disputes.dataSource,
      log: createLogger('test', 'silent'),
      config: { internalSecret: TEST_SECRET_KEYS.for('disputes') },
      env: { ...env, DASH_LEDGER_URL: 'http://127.0.0.1:9/graphql' },
    });
    const won = await cutOff.lifecycle.close(
      { platformId: 'plat_a', livemode: false },
      dispute.id,
      'won',
    );
    expect(won.reinstatement).toBe('due');
    expect((await balanceOf(accountId)).available).toBe(9_680 - 11_500);
    const working = assembleDisputes({
      dataSource: disputes.dataSource,
      log: createLogger('test', 'silent'),
      config: { internalSecret: TEST_SECRET_KEYS.for('disputes') },
      env: env,
    });
    await Promise.all([
      working.lifecycle.settleLedgerSteps(),
      working.lifecycle.settleLedgerSteps(),
    ]);
    expect((await balanceOf(accountId)).available).toBe(9_680 - 1_500);
  });
});

describe('the refunds-and-disputes reserve', () => {
  it('is topped up where the platform allows, and disputes draw from it first', async () => {
    const { accountId, chargeId } = await accountWithPayment();
    const account = accountCaller(accountId, 'plat_a');
    const TOP_UP =
      'mutation($k: String!) { topUpReserve(amount: 2000, currency: "usd", idempotencyKey: $k) { id status amount } }';
    expect(extensionsOf(await call(disputes, account, TOP_UP, { k: 'tu-1' }))).toMatchObject({
      code: 'FORBIDDEN',
      feature: 'reserveTopUps',
    });
    await setFeatures({ reserveTopUps: true });
    const [first, again] = await Promise.all([
      call<{ topUpReserve: { id: string; status: string } }>(disputes, account, TOP_UP, {
        k: 'tu-1',
      }),
      call<{ topUpReserve: { id: string; status: string } }>(disputes, account, TOP_UP, {
        k: 'tu-1',
      }),
    ]);
    // Pending until the bank debit settles (the simulated bank here settles at once).
    expect(first.data?.topUpReserve.status).toBe('pending');
    expect(again.data?.topUpReserve.id).toBe(first.data?.topUpReserve.id);
    expect(await balanceOf(accountId)).toEqual({ available: 9_680, reserve: 0 });
    await assembleDisputes({
      dataSource: disputes.dataSource,
      log: createLogger('test', 'silent'),
      config: { internalSecret: TEST_SECRET_KEYS.for('disputes') },
      env: { ...env, DASH_TOPUP_SETTLE_MS: '0' },
    }).topups.advancePending();
    expect(await balanceOf(accountId)).toEqual({ available: 9_680, reserve: 2_000 });
    await openDispute(chargeId, {});
    // 11,500 owed: 2,000 from the reserve, 9,500 from the balance.
    expect(await balanceOf(accountId)).toEqual({ available: 180, reserve: 0 });
    await setFeatures({});
  });
});

describe('evidence files', () => {
  it('takes a PNG, PDF or JPEG from the account (read from its bytes) and refuses the rest', async () => {
    const { accountId, chargeId } = await accountWithPayment();
    const account = accountCaller(accountId, 'plat_a');
    // Evidence is uploaded to answer a dispute (see evidence-uploads.test.ts).
    const dispute = (await openDispute(chargeId)).data!.createTestDispute;
    const stored = await upload(account, PNG, 'tracking/../screenshot.png');
    expect(stored).toMatchObject({
      status: 201,
      body: { mimeType: 'image/png', filename: 'screenshot.png' },
    });
    const text = await upload(account, Buffer.from('not a picture'), 'receipt.png');
    expect(text).toMatchObject({ status: 400, body: { error: { code: 'BAD_USER_INPUT' } } });
    expect((text.body.error as { extensions: object }).extensions).toMatchObject({
      reason: 'FILE_TYPE_NOT_ALLOWED',
    });
    // A platform names the account it uploads for (?account=acct_…).
    expect((await upload(platformA, PNG, 'x.png')).status).toBe(400);
    const withFile = await save(account, dispute.id, { receipt: stored.body.id as string });
    expect(withFile.data?.saveDisputeEvidence.evidence).toMatchObject({ receipt: stored.body.id });
    const stranger = await save(account, dispute.id, { receipt: 'file_someone_else' });
    expect(extensionsOf(stranger)).toMatchObject({ field: 'receipt' });
  });
});
