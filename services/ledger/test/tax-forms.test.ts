import { createHash } from 'node:crypto';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Caller } from '@dash/auth-context';
import { deliveryQueue, openDeliveryParams } from '@dash/contracts';
import { identityService, seedIdentity } from '@dash/identity';
import { createRedisConnection } from '@dash/queue';
import { ONBOARDED, rememberAccount, savePlatform } from '@dash/subgraph';
import {
  accountCaller,
  platformCaller,
  startTestService,
  TEST_SECRET_KEYS,
  testCallerHeader,
  type TestService,
} from '@dash/subgraph/testing';
import { deleteRedisPrefix, testRedisPrefix, testRedisUrl } from '@dash/testing';
import { ledgerService } from '../src/index.js';
import { pdfText } from '@dash/testing/pdf-text';
import { newKey, uniqueId, withdrawForDispute } from './support.js';

/**
 * US tax forms from real money: charges, declines, refunds, disputes and transfers posted
 * through the ledger at chosen moments of two years, tax information certified through
 * identity and carried to the ledger by its event, then forms generated, corrected and
 * downloaded — and every box reconciled to the ledger's own rows, to the cent.
 */
let ledger: TestService;
let identity: TestService;
let deliveries: Queue;
const prefix = testRedisPrefix('tax-forms');

const platformA = platformCaller('plat_a');
const platformB = platformCaller('plat_b');
const liveA: Caller = { kind: 'platform', platformId: 'plat_a', livemode: true, keyId: 'key_live' };

// plat_a, test mode: one account over both 1099-K thresholds, three at their edges.
const OVER = 'acct_tfover';
const EDGE = 'acct_tfedge'; // exactly $20,000 in exactly 200 payments
const AMOUNT_EDGE = 'acct_tfamount'; // exactly $20,000 in 201 payments
const COUNT_EDGE = 'acct_tfcount'; // $30,000 in exactly 200 payments
const UNCERTIFIED = 'acct_tfnone'; // over the thresholds, no tax information
const LIVE = 'acct_tflive'; // plat_a, live mode
const B_ACCOUNTS = ['acct_tfb1', 'acct_tfb2', 'acct_tfb3', 'acct_tfb4', 'acct_tfb5']; // plat_b

const CHARGE = `mutation($input: ChargeInput!, $key: String!) {
  createCharge(input: $input, idempotencyKey: $key) { id amount status }
}`;
const GENERATE = `mutation($year: Int!, $key: String!) {
  generateTaxForms(year: $year, idempotencyKey: $key) { id year type created alreadyIssued }
}`;
const FORM = `id account year type version corrected status supersededBy currency amount
  transactionCount monthlyAmounts recipientName recipientTin pdfSha256 downloadPath`;
const LIST = `query($filter: TaxFormFilterInput, $after: String, $first: Int) {
  taxForms(filter: $filter, after: $after, first: $first) { nodes { ${FORM} } pageInfo { hasNextPage endCursor } }
}`;
const REGENERATE = `mutation($id: ID!) { regenerateTaxForm(id: $id) { ${FORM} } }`;
const SETTINGS = `mutation($input: TaxSettingsInput!) {
  setTaxSettings(input: $input) { formType payer { name tinLast4 } kGrossAmountThreshold thresholds(year: 2026) { kGrossAmountAbove kTransactionCountAbove necAmountAtLeast } }
}`;
const PAYER = {
  payerName: 'Rocket Rides Inc.',
  payerAddress: {
    line1: '510 Townsend St',
    city: 'San Francisco',
    state: 'CA',
    postalCode: '94103',
  },
  payerPhone: '+1 555 555 0100',
  payerTin: '12-3456789',
};

interface FormView {
  id: string;
  account: string;
  year: number;
  type: string;
  version: number;
  corrected: boolean;
  status: string;
  supersededBy: string | null;
  amount: number;
  transactionCount: number | null;
  monthlyAmounts: number[] | null;
  recipientName: string;
  recipientTin: string | null;
  pdfSha256: string;
  downloadPath: string;
}

const extensionsOf = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
  response.errors?.[0]?.extensions;

async function ok<T>(
  service: TestService,
  query: string,
  variables: Record<string, unknown>,
  caller: Caller,
): Promise<T> {
  const response = await service.query<T>(query, variables, caller);
  expect(response.errors, query).toBeUndefined();
  return response.data!;
}

/** Posts charges (in parallel, a batch at a time) as if it were `moment`. */
async function chargesAt(
  moment: string,
  accountId: string,
  amounts: number[],
  caller: Caller = platformA,
  input: Record<string, unknown> = {},
): Promise<string[]> {
  vi.setSystemTime(new Date(moment));
  const ids: string[] = [];
  for (let start = 0; start < amounts.length; start += 25) {
    const made = await Promise.all(
      amounts
        .slice(start, start + 25)
        .map((amount) =>
          ok<{ createCharge: { id: string } }>(
            ledger,
            CHARGE,
            { input: { account: accountId, amount, currency: 'usd', ...input }, key: newKey() },
            caller,
          ),
        ),
    );
    ids.push(...made.map((charge) => charge.createCharge.id));
  }
  return ids;
}

async function transferAt(moment: string, accountId: string, amount: number, caller = platformA) {
  vi.setSystemTime(new Date(moment));
  await ok(
    ledger,
    'mutation($input: TransferInput!, $key: String!) { createTransfer(input: $input, idempotencyKey: $key) { id } }',
    { input: { account: accountId, amount, currency: 'usd' }, key: newKey() },
    caller,
  );
}

async function refundAt(moment: string, chargeId: string, amount: number) {
  vi.setSystemTime(new Date(moment));
  await ok(
    ledger,
    'mutation($input: RefundInput!, $key: String!) { createRefund(input: $input, idempotencyKey: $key) { id } }',
    { input: { charge: chargeId, amount }, key: newKey() },
    platformA,
  );
}

/** The account's W-9, certified through identity with the code it was sent, as a person would. */
async function certify(
  caller: Caller,
  details: { legalName: string; line1?: string; tin?: string; consent?: boolean },
) {
  const started = await ok<{ startTaxInformationChange: { id: string } }>(
    identity,
    'mutation { startTaxInformationChange { id } }',
    {},
    caller,
  );
  const challenge = started.startTaxInformationChange.id;
  const job = await deliveries.getJob(`dlv_${challenge}`);
  const code = String(openDeliveryParams(TEST_SECRET_KEYS, job!.data).code);
  await ok(
    identity,
    `mutation($input: TaxInformationInput!, $challenge: ID!, $code: String!) {
      saveTaxInformation(input: $input, challenge: $challenge, code: $code) { maskedTin }
    }`,
    {
      input: {
        tinType: 'ssn',
        tin: details.tin ?? '123-45-6789',
        legalName: details.legalName,
        address: {
          line1: details.line1 ?? '1 Main St',
          city: 'Austin',
          state: 'TX',
          postalCode: '78701',
        },
        certify: true,
        signatureName: details.legalName,
      },
      challenge,
      code,
    },
    caller,
  );
  if (details.consent)
    await ok(
      identity,
      'mutation { setTaxFormDeliveryConsent(consent: true) { edeliveryConsent } }',
      {},
      caller,
    );
}

/** Waits until the ledger's copy of an account's certified tax information has `line1`. */
async function ledgerKnows(accountId: string, line1 = '1 Main St') {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const [row] = (await ledger.dataSource.query(
      'SELECT address, certified_at FROM tax_profiles WHERE account_id = ?',
      [accountId],
    )) as Array<{ address: string | null; certified_at: Date | null }>;
    if (row?.certified_at && row.address && JSON.parse(row.address).line1 === line1) return;
    if (Date.now() > deadline) throw new Error(`the ledger never learnt ${accountId}'s W-9`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** What the ledger's own rows say an account's year was: its charges' balance transactions. */
async function ledgerYear(accountId: string, year: number) {
  const rows = (await ledger.dataSource.query(
    `SELECT amount, created_at FROM balance_transactions
     WHERE account_id = ? AND type = 'charge' AND currency = 'usd'`,
    [accountId],
  )) as Array<{ amount: string; created_at: Date }>;
  const inYear = rows.filter((row) => row.created_at.getUTCFullYear() === year);
  const monthly = Array.from({ length: 12 }, () => 0);
  for (const row of inYear) monthly[row.created_at.getUTCMonth()]! += Number(row.amount);
  return {
    amount: inYear.reduce((sum, row) => sum + Number(row.amount), 0),
    transactionCount: inYear.length,
    monthly,
  };
}

const forms = async (caller: Caller, filter: Record<string, unknown> = {}) =>
  (await ok<{ taxForms: { nodes: FormView[] } }>(ledger, LIST, { filter, first: 100 }, caller))
    .taxForms.nodes;

/** A form's PDF through the download route, as the gateway forwards it for `caller`. */
const download = (caller: Caller | null, formId: string) =>
  fetch(
    ledger.url.replace('/graphql', `/exports/tax-form.pdf?form=${encodeURIComponent(formId)}`),
    {
      headers: caller ? { 'x-dash-caller': testCallerHeader(caller, 'ledger') } : {},
    },
  );

let overChargeIds: string[] = [];

beforeAll(async () => {
  identity = await startTestService(identityService, { DASH_REDIS_PREFIX: prefix });
  ledger = await startTestService(ledgerService, {
    DASH_REDIS_PREFIX: prefix,
    DASH_IDENTITY_URL: identity.url,
  });
  deliveries = new Queue(deliveryQueue.name, {
    connection: createRedisConnection(testRedisUrl()),
    prefix,
  });
  const account = (id: string, livemode = false) => ({
    id,
    displayName: id,
    email: `${id}@example.com`,
    country: 'US',
    defaultCurrency: 'usd',
    livemode,
  });
  await seedIdentity(identity.dataSource, {
    platform: { id: 'plat_a', name: 'Rocket Rides', brandColor: '#5b4cf0' },
    accounts: [OVER, EDGE, AMOUNT_EDGE, COUNT_EDGE, UNCERTIFIED]
      .map((id) => account(id))
      .concat(account(LIVE, true)),
  });
  await seedIdentity(identity.dataSource, {
    platform: { id: 'plat_b', name: 'Other Platform', brandColor: '#222222' },
    accounts: B_ACCOUNTS.map((id) => account(id)),
  });
  await ledger.dataSource.transaction(async (manager) => {
    for (const id of ['plat_a', 'plat_b'])
      await savePlatform(manager, { id, name: id, features: {} }, new Date());
    for (const id of [OVER, EDGE, AMOUNT_EDGE, COUNT_EDGE, UNCERTIFIED])
      await rememberAccount(
        manager,
        { accountId: id, platformId: 'plat_a', livemode: false },
        ONBOARDED,
      );
    await rememberAccount(
      manager,
      { accountId: LIVE, platformId: 'plat_a', livemode: true },
      ONBOARDED,
    );
    for (const id of B_ACCOUNTS)
      await rememberAccount(
        manager,
        { accountId: id, platformId: 'plat_b', livemode: false },
        ONBOARDED,
      );
  });

  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    // OVER: three payments in the last millisecond of 2025, then 201 payments across 2026,
    // the first at its first millisecond, each month different, none a round amount.
    await chargesAt('2025-12-31T23:59:59.999Z', OVER, [12_345, 6_789, 100_001]);
    overChargeIds = await chargesAt('2026-01-01T00:00:00.000Z', OVER, [10_007]);
    for (let month = 1; month <= 12; month += 1) {
      const count = month === 1 ? 16 : month === 12 ? 14 : 17;
      const amounts = Array.from({ length: count }, (_, index) => 10_000 + month * 37 + index);
      const at = `2026-${String(month).padStart(2, '0')}-15T12:00:00.000Z`;
      overChargeIds.push(...(await chargesAt(at, OVER, amounts)));
    }
    // A declined card moves no money and is no payment transaction.
    await chargesAt('2026-06-01T08:00:00.000Z', OVER, [50_000], platformA, { cardLast4: '0002' });
    // Refunds and a chargeback reduce nothing the 1099-K reports.
    await refundAt('2026-07-20T10:00:00.000Z', overChargeIds[5]!, 5_000);
    await refundAt('2026-12-31T23:00:00.000Z', overChargeIds[40]!, 10_000);
    await withdrawForDispute(ledger, overChargeIds[80]!, {
      disputeId: uniqueId('dp'),
      amount: 3_000,
    });

    await chargesAt(
      '2026-03-03T03:03:03.000Z',
      EDGE,
      Array.from({ length: 200 }, () => 10_000),
    );
    await chargesAt(
      '2026-04-04T04:04:04.000Z',
      AMOUNT_EDGE,
      Array.from({ length: 201 }, (_, index) => (index === 0 ? 10_000 : 9_950)),
    );
    await chargesAt(
      '2026-05-05T05:05:05.000Z',
      COUNT_EDGE,
      Array.from({ length: 200 }, () => 15_000),
    );
    await chargesAt(
      '2026-02-02T02:02:02.000Z',
      UNCERTIFIED,
      Array.from({ length: 201 }, () => 10_000),
    );
    await chargesAt('2025-08-08T08:08:08.000Z', LIVE, [70_000, 80_000], liveA);
    for (const [index, id] of B_ACCOUNTS.entries())
      await chargesAt('2026-09-09T09:09:09.000Z', id, [1_000 * (index + 1)], platformB);
    // 1099-NEC: what the platform itself paid.
    await transferAt('2026-02-10T00:00:00.000Z', EDGE, 150_000);
    await transferAt('2026-11-10T00:00:00.000Z', EDGE, 50_000);
    await transferAt('2026-06-10T00:00:00.000Z', COUNT_EDGE, 199_999);
    await transferAt('2025-06-10T00:00:00.000Z', AMOUNT_EDGE, 60_000);
  } finally {
    vi.useRealTimers();
  }

  await certify(accountCaller(OVER), { legalName: 'Ove Rosen', consent: true });
  for (const id of [EDGE, AMOUNT_EDGE, COUNT_EDGE])
    await certify(accountCaller(id), { legalName: `Payee ${id.slice(7)}` });
  for (const id of B_ACCOUNTS)
    await certify(accountCaller(id, 'plat_b'), {
      legalName: `B ${id.slice(7)}`,
      consent: id === 'acct_tfb1',
    });
  await certify(
    { kind: 'account', accountId: LIVE, platformId: 'plat_a', livemode: true },
    { legalName: 'Liv Rosen', tin: '234-56-7890' },
  );
  for (const id of [OVER, EDGE, AMOUNT_EDGE, COUNT_EDGE, LIVE, ...B_ACCOUNTS])
    await ledgerKnows(id);
  // Only a consent given in the dashboard makes a tax profile without a W-9: still no form.
  await ok(
    identity,
    'mutation { setTaxFormDeliveryConsent(consent: true) { edeliveryConsent } }',
    {},
    accountCaller(UNCERTIFIED),
  );

  for (const [caller, settings] of [
    [platformA, PAYER],
    [liveA, { ...PAYER, kGrossAmountThreshold: 0, kTransactionCountThreshold: 0 }],
    [
      platformB,
      {
        ...PAYER,
        payerName: 'Other Platform LLC',
        kGrossAmountThreshold: 0,
        kTransactionCountThreshold: 0,
      },
    ],
  ] as const)
    await ok(ledger, SETTINGS, { input: settings }, caller);
}, 240_000);

afterAll(async () => {
  vi.useRealTimers();
  await deliveries?.close();
  await ledger?.close();
  await identity?.close();
  await deleteRedisPrefix(testRedisUrl(), prefix);
});

describe('1099-K from the ledger', () => {
  let overForm: FormView;

  it('reconciles box 1a, box 3 and every month to the ledger’s rows, to the cent', async () => {
    const generated = await ok<{ generateTaxForms: { created: number; type: string } }>(
      ledger,
      GENERATE,
      { year: 2026, key: newKey() },
      platformA,
    );
    expect(generated.generateTaxForms).toMatchObject({ created: 1, type: 'us_1099_k' });
    const issued = await forms(platformA, { year: 2026 });
    expect(issued.map((form) => form.account)).toEqual([OVER]);
    overForm = issued[0]!;

    const expected = await ledgerYear(OVER, 2026);
    expect(overForm).toMatchObject({
      type: 'us_1099_k',
      year: 2026,
      version: 1,
      corrected: false,
      currency: 'usd',
      amount: expected.amount,
      transactionCount: expected.transactionCount,
      monthlyAmounts: expected.monthly,
      recipientName: 'Ove Rosen',
      recipientTin: '***-**-6789',
    });
    // And by hand: 201 payments, the one at midnight on January 1 in January, the three a
    // millisecond earlier in 2025, the declined card nowhere, refunds and the dispute ignored.
    expect(expected.transactionCount).toBe(201);
    const january =
      10_007 + Array.from({ length: 16 }, (_, i) => 10_000 + 37 + i).reduce((a, b) => a + b);
    expect(overForm.monthlyAmounts![0]).toBe(january);
    const december = Array.from({ length: 14 }, (_, i) => 10_000 + 12 * 37 + i).reduce(
      (a, b) => a + b,
    );
    expect(overForm.monthlyAmounts![11]).toBe(december);
    expect(overForm.amount).toBe(overForm.monthlyAmounts!.reduce((a, b) => a + b));
    expect((await ledgerYear(OVER, 2025)).amount).toBe(12_345 + 6_789 + 100_001);

    const text = await pdfText(
      new Uint8Array(
        Buffer.from(await (await download(accountCaller(OVER), overForm.id)).arrayBuffer()),
      ),
    );
    const dollars = (cents: number) =>
      `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
    expect(text).toContain(
      `1a Gross amount of payment card/third party network transactions ${dollars(overForm.amount)}`,
    );
    expect(text).toContain('Number of payment transactions 201');
    expect(text).toContain(`January ${dollars(january)}`);
    expect(text).toContain("PAYEE'S TIN ***-**-6789");
    expect(text).toContain('Rocket Rides Inc.');
  });

  it('files only over both thresholds: not at exactly $20,000 or exactly 200 payments', async () => {
    expect(await ledgerYear(EDGE, 2026)).toMatchObject({
      amount: 2_000_000,
      transactionCount: 200,
    });
    expect(await ledgerYear(AMOUNT_EDGE, 2026)).toMatchObject({
      amount: 2_000_000,
      transactionCount: 201,
    });
    expect(await ledgerYear(COUNT_EDGE, 2026)).toMatchObject({
      amount: 3_000_000,
      transactionCount: 200,
    });
    const accounts = (await forms(platformA)).map((form) => form.account);
    for (const id of [EDGE, AMOUNT_EDGE, COUNT_EDGE, UNCERTIFIED])
      expect(accounts).not.toContain(id);
    // Nothing for 2025: three payments are far from the thresholds.
    const none = await ok<{ generateTaxForms: { created: number } }>(
      ledger,
      GENERATE,
      { year: 2025, key: newKey() },
      platformA,
    );
    expect(none.generateTaxForms.created).toBe(0);
  });

  it('makes it available with e-delivery consent, and says so in the outbox', async () => {
    expect(overForm.status).toBe('available');
    const events = (await ledger.dataSource.query(
      "SELECT account_id, data FROM outbox_events WHERE type = 'tax_form.available'",
    )) as Array<{ account_id: string; data: string }>;
    expect(events.map((event) => [event.account_id, JSON.parse(event.data).data])).toEqual([
      [OVER, { taxFormId: overForm.id, taxYear: 2026, formType: 'us_1099_k', corrected: false }],
    ]);
  });

  it('10 generations at once issue one form per account; a key replays its run', async () => {
    const runs = await Promise.all(
      Array.from({ length: 10 }, () =>
        ledger.query<{ generateTaxForms: { id: string; created: number } }>(
          GENERATE,
          { year: 2026, key: newKey() },
          platformB,
        ),
      ),
    );
    for (const run of runs) expect(run.errors).toBeUndefined();
    expect(runs.reduce((sum, run) => sum + run.data!.generateTaxForms.created, 0)).toBe(5);
    const issued = await forms(platformB);
    expect(issued.map((form) => form.account).sort()).toEqual([...B_ACCOUNTS].sort());
    expect(issued.map((form) => form.status).sort()).toEqual([
      'available',
      'mail_required',
      'mail_required',
      'mail_required',
      'mail_required',
    ]);
    for (const form of issued)
      expect(form.amount).toBe((await ledgerYear(form.account, 2026)).amount);

    const key = newKey();
    const [first, again] = await Promise.all(
      [key, key].map((same) =>
        ok<{ generateTaxForms: { id: string } }>(
          ledger,
          GENERATE,
          { year: 2026, key: same },
          platformB,
        ),
      ),
    );
    expect(again!.generateTaxForms.id).toBe(first!.generateTaxForms.id);
    const reused = await ledger.query(GENERATE, { year: 2025, key }, platformB);
    expect(extensionsOf(reused)).toMatchObject({
      code: 'CONFLICT',
      reason: 'IDEMPOTENCY_KEY_REUSED',
    });
  });

  it('keeps platforms and modes apart', async () => {
    expect((await forms(platformA)).map((form) => form.account)).toEqual([OVER]);
    expect(await forms(platformB, { account: OVER })).toEqual([]);
    expect(await forms(liveA)).toEqual([]);
    // Live mode reports years that have ended; its own account only.
    const current = await ledger.query(
      GENERATE,
      { year: new Date().getUTCFullYear(), key: newKey() },
      liveA,
    );
    expect(extensionsOf(current)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
    await ok(ledger, GENERATE, { year: 2025, key: newKey() }, liveA);
    const live = await forms(liveA);
    expect(live.map((form) => [form.account, form.amount, form.transactionCount])).toEqual([
      [LIVE, 150_000, 2],
    ]);
    expect((await forms(platformA)).map((form) => form.account)).toEqual([OVER]);

    const [bForm] = await forms(platformB, { status: 'available' });
    for (const [caller, formId] of [
      [platformB, overForm.id],
      [liveA, overForm.id],
      [platformA, bForm!.id],
      [platformA, live[0]!.id],
    ] as const) {
      expect((await download(caller, formId)).status).toBe(404);
      expect(extensionsOf(await ledger.query(REGENERATE, { id: formId }, caller))?.code).toBe(
        'NOT_FOUND',
      );
    }
    expect((await download(accountCaller(EDGE), overForm.id)).status).toBe(404);
    expect((await download(null, overForm.id)).status).toBe(401);
    // A cursor of one platform's list means nothing in another's.
    const pageOfB = await ok<{ taxForms: { pageInfo: { endCursor: string } } }>(
      ledger,
      LIST,
      { first: 1 },
      platformB,
    );
    const foreign = await ledger.query(
      LIST,
      { first: 1, after: pageOfB.taxForms.pageInfo.endCursor },
      platformA,
    );
    expect(extensionsOf(foreign)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    // Accounts do not generate or list a platform's forms.
    expect(
      extensionsOf(await ledger.query(GENERATE, { year: 2026, key: newKey() }, accountCaller(OVER)))
        ?.code,
    ).toBe('FORBIDDEN');
    expect(extensionsOf(await ledger.query(LIST, {}, accountCaller(OVER)))?.code).toBe('FORBIDDEN');
  });

  it('downloads the same document every time, its own form only', async () => {
    const first = await download(accountCaller(OVER), overForm.id);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await first.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(overForm.pdfSha256);
    const again = Buffer.from(await (await download(platformA, overForm.id)).arrayBuffer());
    expect(again.equals(bytes)).toBe(true);
    const mine = await ok<{ me: { taxForms: { nodes: FormView[] } } }>(
      ledger,
      `{ me { taxForms { nodes { ${FORM} } } } }`,
      {},
      accountCaller(OVER),
    );
    expect(mine.me.taxForms.nodes.map((form) => form.id)).toEqual([overForm.id]);
    const missing = await fetch(ledger.url.replace('/graphql', '/exports/tax-form.pdf'), {
      headers: { 'x-dash-caller': testCallerHeader(platformA, 'ledger') },
    });
    expect(missing.status).toBe(400);
  });

  it('corrects a form after a change of address, keeping the old version; a late refund changes nothing', async () => {
    const unchanged = await ok<{ regenerateTaxForm: FormView }>(
      ledger,
      REGENERATE,
      { id: overForm.id },
      platformA,
    );
    expect(unchanged.regenerateTaxForm.id).toBe(overForm.id);

    await certify(accountCaller(OVER), { legalName: 'Ove Rosen', line1: '9 New Rd' });
    await ledgerKnows(OVER, '9 New Rd');
    const corrections = await Promise.all(
      Array.from({ length: 4 }, () =>
        ledger.query<{ regenerateTaxForm: FormView }>(REGENERATE, { id: overForm.id }, platformA),
      ),
    );
    const ids = new Set(corrections.map((correction) => correction.data!.regenerateTaxForm.id));
    expect(ids.size).toBe(1);
    const corrected = corrections[0]!.data!.regenerateTaxForm;
    expect(corrected).toMatchObject({
      version: 2,
      corrected: true,
      amount: overForm.amount,
      status: 'available',
    });
    const text = await pdfText(
      new Uint8Array(
        Buffer.from(await (await download(accountCaller(OVER), corrected.id)).arrayBuffer()),
      ),
    );
    expect(text).toContain('9 New Rd');
    expect(text.match(/CORRECTED/g)).toHaveLength(2);

    const all = await forms(platformA, { account: OVER });
    expect(all.map((form) => [form.version, form.status, form.supersededBy])).toEqual([
      [2, 'available', null],
      [1, 'superseded', corrected.id],
    ]);
    expect((await forms(platformA, { status: 'superseded' })).map((form) => form.id)).toEqual([
      overForm.id,
    ]);

    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      await refundAt('2027-01-15T09:00:00.000Z', overChargeIds[100]!, 10_000);
    } finally {
      vi.useRealTimers();
    }
    const afterRefund = await ok<{ regenerateTaxForm: FormView }>(
      ledger,
      REGENERATE,
      { id: overForm.id },
      platformA,
    );
    expect(afterRefund.regenerateTaxForm.id).toBe(corrected.id);
  });
});

describe('1099-NEC from the ledger', () => {
  it('reports what the platform paid: $2,000 or more from 2026, $600 or more through 2025', async () => {
    await ok(ledger, SETTINGS, { input: { formType: 'us_1099_nec' } }, platformA);
    const made = await ok<{ generateTaxForms: { created: number; type: string } }>(
      ledger,
      GENERATE,
      { year: 2026, key: newKey() },
      platformA,
    );
    expect(made.generateTaxForms).toMatchObject({ type: 'us_1099_nec', created: 1 });
    const [nec2026] = await forms(platformA, { type: 'us_1099_nec', year: 2026 });
    expect(nec2026).toMatchObject({
      account: EDGE,
      amount: 200_000,
      transactionCount: null,
      monthlyAmounts: null,
      status: 'mail_required',
    });
    const [paid] = (await ledger.dataSource.query(
      "SELECT SUM(amount) AS total FROM transfers WHERE account_id = ? AND currency = 'usd' AND created_at >= '2026-01-01' AND created_at < '2027-01-01'",
      [EDGE],
    )) as Array<{ total: string }>;
    expect(nec2026!.amount).toBe(Number(paid!.total));

    await ok(ledger, GENERATE, { year: 2025, key: newKey() }, platformA);
    const nec2025 = await forms(platformA, { type: 'us_1099_nec', year: 2025 });
    expect(nec2025.map((form) => [form.account, form.amount])).toEqual([[AMOUNT_EDGE, 60_000]]);
    const text = await pdfText(
      new Uint8Array(Buffer.from(await (await download(platformA, nec2025[0]!.id)).arrayBuffer())),
    );
    expect(text).toContain('Nonemployee compensation $600.00');
    // The 1099-K already issued stays as it was.
    expect(await forms(platformA, { type: 'us_1099_k', status: 'available' })).toHaveLength(1);
  });
});

describe('tax settings', () => {
  it('refuses bad settings naming the field, and anyone but a platform', async () => {
    for (const [input, field] of [
      [{ payerTin: '00-0000000' }, 'payerTin'],
      [{ payerName: '' }, 'payerName'],
      [{ payerAddress: { ...PAYER.payerAddress, state: 'Calif' } }, 'payerAddress.state'],
      [{ kGrossAmountThreshold: -1 }, 'kGrossAmountThreshold'],
    ] as const)
      expect(extensionsOf(await ledger.query(SETTINGS, { input }, platformA))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
      });
    expect(
      extensionsOf(
        await ledger.query(SETTINGS, { input: { formType: 'us_1099_k' } }, accountCaller(OVER)),
      )?.code,
    ).toBe('FORBIDDEN');
    const fresh = platformCaller('plat_fresh');
    expect(
      extensionsOf(await ledger.query(GENERATE, { year: 2025, key: newKey() }, fresh)),
    ).toMatchObject({
      code: 'FAILED_PRECONDITION',
      reason: 'TAX_SETTINGS_MISSING',
    });
    expect(
      extensionsOf(await ledger.query(GENERATE, { year: 1999, key: newKey() }, platformA)),
    ).toMatchObject({ field: 'year' });
    expect(
      extensionsOf(await ledger.query(REGENERATE, { id: 'taxform_nothing' }, platformA))?.code,
    ).toBe('NOT_FOUND');
  });

  it('takes 40 settings at once from a platform with none yet: one row, the last word kept, no deadlock', async () => {
    const racing = platformCaller('plat_racing');
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        ledger.query(SETTINGS, { input: { kTransactionCountThreshold: 100 + i } }, racing),
      ),
    );
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    const rows = (await ledger.dataSource.query(
      "SELECT k_count_threshold AS threshold FROM tax_settings WHERE platform_id = 'plat_racing'",
    )) as Array<{ threshold: number }>;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.threshold).toBeGreaterThanOrEqual(100);
    expect(rows[0]!.threshold).toBeLessThan(140);
  });

  it('answers the thresholds of a year: its own where set, else the federal', async () => {
    const settings = await ok<{ setTaxSettings: Record<string, unknown> }>(
      ledger,
      SETTINGS,
      { input: { necAmountThreshold: null, kGrossAmountThreshold: null } },
      platformA,
    );
    expect(settings.setTaxSettings).toMatchObject({
      formType: 'us_1099_nec',
      payer: { name: 'Rocket Rides Inc.', tinLast4: '6789' },
      thresholds: {
        kGrossAmountAbove: 2_000_000,
        kTransactionCountAbove: 200,
        necAmountAtLeast: 200_000,
      },
    });
  });
});
