import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerService } from '@dash/ledger';
import { createLogger } from '@dash/logger';
import { rememberAccount } from '@dash/subgraph';
import { accountReference, startTestService, type TestService } from '@dash/subgraph/testing';
import { testRedisUrl } from '@dash/testing';
import { payoutsService, runAutomaticPayouts } from '../src/index.js';
import { expectedArrival } from '../src/payout/arrival.rules.js';
import { WEEKDAYS } from '../src/schedule/schedule.rules.js';
import {
  asAccount,
  callAs,
  knownAccounts,
  newKey,
  payoutsInstance,
  platformA,
  platformB,
  US_BANK,
} from './support.js';

const DAY = 24 * 3600 * 1000;
let ledger: TestService;
let payouts: TestService;
let app: ReturnType<typeof payoutsInstance>;

interface Forecast {
  currency: string;
  amount: number;
  payoutDate: string;
  arrivalDate: string;
  destination: { last4: string };
}

const FORECAST = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Account {
  payoutForecast { currency amount payoutDate arrivalDate destination { last4 } }
} } }`;

async function forecastOf(accountId: string, caller = asAccount(accountId)) {
  const response = await callAs<{ _entities: Array<{ payoutForecast: Forecast[] | null }> }>(
    payouts,
    caller,
    FORECAST,
    accountReference(accountId),
  );
  expect(response.errors).toBeUndefined();
  return response.data!._entities[0]!.payoutForecast;
}

/** A fresh account with a US bank account, known to the ledger and payouts. */
async function newAccount(): Promise<string> {
  const accountId = `acct_fc_${randomBytes(6).toString('hex')}`;
  await knownAccounts([ledger, payouts], [accountId]);
  const added = await callAs(
    payouts,
    platformA,
    'mutation($a: ID!, $bank: BankAccountInput) { createExternalAccount(account: $a, bankAccount: $bank) { id } }',
    { a: accountId, bank: US_BANK },
  );
  expect(added.errors).toBeUndefined();
  return accountId;
}

async function transfer(accountId: string, amount: number): Promise<void> {
  const made = await callAs(
    ledger,
    platformA,
    'mutation($input: TransferInput!, $key: String!) { createTransfer(input: $input, idempotencyKey: $key) { id } }',
    { input: { account: accountId, amount, currency: 'usd' }, key: newKey() },
  );
  expect(made.errors).toBeUndefined();
}

async function charge(accountId: string, amount: number): Promise<void> {
  const made = await callAs(
    ledger,
    platformA,
    'mutation($input: ChargeInput!, $key: String!) { createCharge(input: $input, idempotencyKey: $key) { id } }',
    { input: { account: accountId, amount, currency: 'usd', cardLast4: '4242' }, key: newKey() },
  );
  expect(made.errors).toBeUndefined();
}

/** What the ledger holds for the account now: available and pending USD. */
async function balance(accountId: string) {
  const response = await callAs<{
    _entities: Array<{ balances: Array<{ available: number; pending: number }> }>;
  }>(
    ledger,
    platformA,
    'query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Account { balances { available pending } } } }',
    accountReference(accountId),
  );
  return response.data!._entities[0]!.balances[0]!;
}

const setSchedule = (accountId: string, input: Record<string, unknown>) =>
  callAs<{ updatePayoutSchedule: { nextPayoutDate: string } }>(
    payouts,
    platformA,
    'mutation($a: ID!, $input: PayoutScheduleInput!) { updatePayoutSchedule(account: $a, input: $input) { nextPayoutDate } }',
    { a: accountId, input },
  );

const utcDay = (moment: Date) => moment.toISOString().slice(0, 10);

beforeAll(async () => {
  ledger = await startTestService(ledgerService);
  const env = {
    DASH_LEDGER_URL: ledger.url,
    DASH_PAYOUT_TICK_MS: '3600000',
    DASH_AUTOMATIC_PAYOUTS_EVERY_MS: '3600000',
  };
  payouts = await startTestService(payoutsService, env);
  app = payoutsInstance(payouts, { ...env, REDIS_URL: testRedisUrl() });
});
afterAll(async () => {
  await payouts?.close();
  await ledger?.close();
});

describe('the next payout forecast', () => {
  it("today's daily payout: what the rolling delay lets through, and then the payout made is exactly that", async () => {
    const accountId = await newAccount();
    await transfer(accountId, 10_000);
    // Made three days ago: past the two-day rolling delay.
    await ledger.dataSource.query(
      'UPDATE balance_transactions SET created_at = ? WHERE account_id = ?',
      [new Date(Date.now() - 3 * DAY), accountId],
    );
    // Made today: available, or pending, but held back by the rolling delay.
    await transfer(accountId, 2_500);
    await charge(accountId, 2_000);

    const now = new Date();
    const [forecast, ...others] = (await forecastOf(accountId))!;
    expect(others).toEqual([]);
    expect(forecast).toEqual({
      currency: 'usd',
      amount: 10_000,
      payoutDate: utcDay(now),
      arrivalDate: expect.any(String),
      destination: { last4: '6789' },
    });
    expect(utcDay(new Date(forecast!.arrivalDate))).toBe(
      utcDay(
        expectedArrival(now, {
          method: 'standard',
          country: 'US',
          timeZone: 'UTC',
          businessDays: 2,
        }),
      ),
    );

    const log = createLogger('forecast-test', 'silent');
    expect(
      await runAutomaticPayouts(payouts.dataSource, app.requests, app.schedules.defaultRule, log),
    ).toBeGreaterThanOrEqual(1);
    const [payout] = (await payouts.dataSource.query(
      'SELECT amount, automatic FROM payouts WHERE account_id = ?',
      [accountId],
    )) as Array<{ amount: string; automatic: number }>;
    expect(Number(payout!.amount)).toBe(forecast!.amount);

    // Today's is made; tomorrow's would find only money the rolling delay still holds.
    expect(await forecastOf(accountId)).toEqual([]);
  });

  it('a weekly payout days away counts pending money that is available by then', async () => {
    const accountId = await newAccount();
    const runDay = new Date(Date.now() + 3 * DAY);
    expect(
      (
        await setSchedule(accountId, {
          interval: 'weekly',
          weeklyAnchor: WEEKDAYS[runDay.getUTCDay()],
        })
      ).errors,
    ).toBeUndefined();
    await transfer(accountId, 4_000);
    await charge(accountId, 2_000);
    const { available, pending } = await balance(accountId);
    expect(pending).toBeGreaterThan(0);

    const [forecast] = (await forecastOf(accountId))!;
    const runStart = new Date(`${utcDay(runDay)}T00:00:00Z`);
    expect(forecast).toMatchObject({
      amount: available + pending,
      payoutDate: utcDay(runDay),
      arrivalDate: expectedArrival(runStart, {
        method: 'standard',
        country: 'US',
        timeZone: 'UTC',
        businessDays: 2,
      }).toISOString(),
    });
  });

  it('none for manual schedules, without a default destination, while payouts are off, or with nothing to pay', async () => {
    const manual = await newAccount();
    await transfer(manual, 1_000);
    await setSchedule(manual, { interval: 'manual' });
    expect(await forecastOf(manual)).toEqual([]);

    const nowhere = `acct_fc_${randomBytes(6).toString('hex')}`;
    await knownAccounts([ledger, payouts], [nowhere]);
    await transfer(nowhere, 1_000);
    expect(await forecastOf(nowhere)).toEqual([]);

    // Identity reports payouts off (something is due): the scheduled payout waits for them.
    const held = `acct_fc_${randomBytes(6).toString('hex')}`;
    for (const service of [ledger, payouts])
      await service.dataSource.transaction((manager) =>
        rememberAccount(
          manager,
          { accountId: held, platformId: 'plat_a', livemode: false },
          { chargesEnabled: true, payoutsEnabled: false },
        ),
      );
    await callAs(
      payouts,
      platformA,
      'mutation($a: ID!, $bank: BankAccountInput) { createExternalAccount(account: $a, bankAccount: $bank) { id } }',
      { a: held, bank: US_BANK },
    );
    await transfer(held, 1_000);
    await ledger.dataSource.query(
      'UPDATE balance_transactions SET created_at = ? WHERE account_id = ?',
      [new Date(Date.now() - 3 * DAY), held],
    );
    expect(await forecastOf(held)).toEqual([]);

    expect(await forecastOf(await newAccount())).toEqual([]);
  });

  it('is shown to the account and its platform only', async () => {
    const accountId = await newAccount();
    await transfer(accountId, 1_000);
    await ledger.dataSource.query(
      'UPDATE balance_transactions SET created_at = ? WHERE account_id = ?',
      [new Date(Date.now() - 3 * DAY), accountId],
    );
    expect(await forecastOf(accountId, platformA)).toHaveLength(1);
    expect(await forecastOf(accountId, platformB)).toEqual([]);
    expect(await forecastOf(accountId, asAccount('acct_someone_else'))).toEqual([]);
  });
});

const SETTINGS = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Account {
  payoutSchedule { interval delayDays weeklyAnchor nextPayoutDate }
  externalAccounts { id last4 defaultForCurrency }
  payoutForecast { currency amount payoutDate destination { last4 } }
} } }`;

/** The balance card's payout fields of `ids`, in one call (as the gateway merges a platform's). */
async function settingsTogether(ids: string[], caller = platformA) {
  const response = await callAs<{ _entities: unknown[] }>(payouts, caller, SETTINGS, {
    reps: ids.map((id) => ({ __typename: 'Account', id })),
  });
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!._entities;
}

describe('the payout fields of many accounts in one call', () => {
  it('answers each account exactly as it is answered alone, and nothing of another platform', async () => {
    const weekly = await newAccount();
    await setSchedule(weekly, { interval: 'weekly', weeklyAnchor: 'friday' });
    await transfer(weekly, 4_000);
    const daily = await newAccount();
    await transfer(daily, 10_000);
    await ledger.dataSource.query(
      'UPDATE balance_transactions SET created_at = ? WHERE account_id = ?',
      [new Date(Date.now() - 3 * DAY), daily],
    );
    const manual = await newAccount();
    await setSchedule(manual, { interval: 'manual' });
    const nowhere = `acct_fc_${randomBytes(6).toString('hex')}`;
    await knownAccounts([ledger, payouts], [nowhere]);
    const elsewhere = `acct_fc_${randomBytes(6).toString('hex')}`;
    await payouts.dataSource.transaction((manager) =>
      rememberAccount(
        manager,
        { accountId: elsewhere, platformId: 'plat_b', livemode: false },
        { chargesEnabled: true, payoutsEnabled: true },
      ),
    );
    // Shuffled, one account twice, one without a bank account, one of another platform.
    const ids = [daily, elsewhere, weekly, nowhere, manual, daily];
    const together = await settingsTogether(ids);
    const alone = await Promise.all(ids.map(async (id) => (await settingsTogether([id]))[0]));
    expect(together).toEqual(alone);
    expect(together[0]).toMatchObject({
      payoutSchedule: { interval: 'daily' },
      externalAccounts: [{ last4: '6789', defaultForCurrency: true }],
      payoutForecast: [{ currency: 'usd', amount: 10_000 }],
    });
    expect(together[2]).toMatchObject({ payoutSchedule: { interval: 'weekly' } });
    expect(together[3]).toMatchObject({ externalAccounts: [], payoutForecast: [] });
    expect(together[4]).toMatchObject({
      payoutSchedule: { interval: 'manual' },
      payoutForecast: [],
    });
    const nothing = { payoutSchedule: null, externalAccounts: [], payoutForecast: [] };
    expect(together[1]).toEqual(nothing);
    // The other platform, asking for the same accounts, sees its own account and nothing else.
    const asB = await settingsTogether(ids, platformB);
    expect(asB[1]).toMatchObject({ payoutSchedule: { interval: 'daily' }, externalAccounts: [] });
    expect(asB.filter((_, index) => index !== 1)).toEqual(Array(ids.length - 1).fill(nothing));
  });
});

describe('schedule changes', () => {
  it('are recorded as payout_schedule.updated in the same transaction, once per real change', async () => {
    const accountId = await newAccount();
    const events = async () =>
      (
        (await payouts.dataSource.query(
          "SELECT data FROM outbox_events WHERE account_id = ? AND type = 'payout_schedule.updated' ORDER BY id",
          [accountId],
        )) as Array<{ data: string }>
      ).map((row) => JSON.parse(row.data).data);
    const change = () =>
      callAs(
        payouts,
        asAccount(accountId),
        'mutation { updateMyPayoutSchedule(input: { interval: monthly, monthlyAnchor: 31 }) { interval } }',
      );
    expect((await change()).errors).toBeUndefined();
    expect((await change()).errors).toBeUndefined();
    const refused = await setSchedule(accountId, { interval: 'weekly' });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ field: 'weeklyAnchor' });
    expect(await events()).toEqual([
      {
        interval: 'monthly',
        monthlyAnchor: 31,
        weeklyAnchor: null,
        delayDays: 2,
        timeZone: 'UTC',
        by: 'account',
      },
    ]);
  });
});
