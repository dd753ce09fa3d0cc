import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '@dash/auth-context';
import { deliveryQueue, openDeliveryParams } from '@dash/contracts';
import { identityService, seedIdentity } from '@dash/identity';
import { ledgerService } from '@dash/ledger';
import { createRedisConnection } from '@dash/queue';
import { ONBOARDED, rememberAccount, savePlatform } from '@dash/subgraph';
import { startTestService, TEST_SECRET_KEYS, type TestService } from '@dash/subgraph/testing';
import { testRedisPrefix, testRedisUrl, type GraphqlResponse } from '@dash/testing';
import { payoutsService } from '../src/index.js';
import {
  callAs,
  knownAccounts,
  newKey,
  payoutsInstance,
  platformA,
  platformB,
  US_BANK,
  VISA_DEBIT,
} from './support.js';

let ledger: TestService;
let identity: TestService;
let payouts: TestService;
let jobs: Queue;
let app: ReturnType<typeof payoutsInstance>;
const prefix = testRedisPrefix('payout-methods');

/** Accounts identity knows (test mode, reached by email), handed out one per test. */
const ACCOUNTS = Array.from(
  { length: 24 },
  (_, i) => `acct_pm${i}_${randomBytes(4).toString('hex')}`,
);
let handedOut = 0;

const EUR_BANK = {
  country: 'DE',
  currency: 'eur',
  accountHolderName: 'Ada Lovelace',
  accountNumber: 'DE89370400440532013000',
};
const MASTERCARD_DEBIT = { ...VISA_DEBIT, number: '5200828282828210' };
/** The simulated bank returns payouts to it: the account was closed. */
const CLOSED_US_BANK = { ...US_BANK, accountNumber: '000111111113' };

type Extensions = Record<string, unknown> | undefined;
const extensionsOf = (response: GraphqlResponse<unknown>): Extensions =>
  response.errors?.[0]?.extensions as Extensions;

/** The dashboard's session of one account, as the gateway forwards it. */
const signedIn = (accountId: string, platformId = 'plat_a'): Caller => ({
  kind: 'account',
  accountId,
  platformId,
  livemode: false,
  sessionId: `ses_${accountId}`,
});

interface Destination {
  id: string;
  kind: string;
  last4: string;
  currency: string;
  defaultForCurrency: boolean;
  status: string;
  failureCode: string | null;
  failureMessage: string | null;
}
const FIELDS = 'id kind last4 currency defaultForCurrency status failureCode failureMessage';

const ADD = `mutation($bank: BankAccountInput, $card: DebitCardInput, $default: Boolean!, $c: ID!, $code: String!) {
  addMyExternalAccount(bankAccount: $bank, card: $card, defaultForCurrency: $default, challenge: $c, code: $code) { ${FIELDS} }
}`;
const SET_DEFAULT = `mutation($id: ID!, $c: ID!, $code: String!) {
  setMyDefaultExternalAccount(externalAccount: $id, challenge: $c, code: $code) { ${FIELDS} }
}`;
const REMOVE = `mutation($id: ID!, $c: ID!, $code: String!) {
  deleteMyExternalAccount(externalAccount: $id, challenge: $c, code: $code) { id }
}`;
const PLATFORM_ADD = `mutation($account: ID!, $bank: BankAccountInput, $card: DebitCardInput, $default: Boolean!) {
  createExternalAccount(account: $account, bankAccount: $bank, card: $card, defaultForCurrency: $default) { ${FIELDS} }
}`;
const PLATFORM_DEFAULT = `mutation($account: ID!, $id: ID!) {
  setDefaultExternalAccount(account: $account, externalAccount: $id) { id }
}`;
const PLATFORM_REMOVE = `mutation($account: ID!, $id: ID!) {
  deleteExternalAccount(account: $account, externalAccount: $id)
}`;

/** A fresh account known to identity, the ledger and payouts, with these bank accounts and cards. */
async function newAccount(...destinations: Array<{ bank?: object; card?: object }>) {
  const accountId = ACCOUNTS[handedOut++]!;
  await knownAccounts([ledger, payouts], [accountId]);
  const ids: string[] = [];
  for (const destination of destinations) {
    const added = await callAs<{ createExternalAccount: Destination }>(
      payouts,
      platformA,
      PLATFORM_ADD,
      { account: accountId, ...destination, default: false },
    );
    expect(added.errors).toBeUndefined();
    ids.push(added.data!.createExternalAccount.id);
  }
  return {
    accountId,
    ids,
    as: (query: string, variables: Record<string, unknown> = {}) =>
      callAs<Record<string, Destination>>(payouts, signedIn(accountId), query, variables),
  };
}

/** A code for a payout details change, as identity sends it (read from the delivery job). */
async function codeFor(accountId: string): Promise<{ challenge: string; code: string }> {
  const started = await callAs<{ startPayoutDetailsChange: { id: string } }>(
    identity,
    signedIn(accountId),
    'mutation { startPayoutDetailsChange { id } }',
  );
  expect(started.errors).toBeUndefined();
  const challenge = started.data!.startPayoutDetailsChange.id;
  const job = await jobs.getJob(`dlv_${challenge}`);
  return { challenge, code: String(openDeliveryParams(TEST_SECRET_KEYS, job!.data).code) };
}

async function destinations(accountId: string): Promise<Destination[]> {
  const response = await callAs<{ _entities: Array<{ externalAccounts: Destination[] }> }>(
    payouts,
    platformA,
    `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Account { externalAccounts { ${FIELDS} } } } }`,
    { reps: [{ __typename: 'Account', id: accountId }] },
  );
  return response.data!._entities[0]!.externalAccounts;
}

/** The account's external account events, oldest first: the change each one records. */
async function changesOf(accountId: string): Promise<Array<Record<string, unknown>>> {
  const rows = (await payouts.dataSource.query(
    `SELECT data FROM outbox_events WHERE account_id = ? AND type = 'external_account.updated'
     ORDER BY id`,
    [accountId],
  )) as Array<{ data: string }>;
  return rows.map((row) => (JSON.parse(row.data) as { data: Record<string, unknown> }).data);
}

async function fund(accountId: string, amount: number): Promise<void> {
  const transfer = await callAs(
    ledger,
    platformA,
    'mutation($input: TransferInput!, $key: String!) { createTransfer(input: $input, idempotencyKey: $key) { id } }',
    { input: { account: accountId, amount, currency: 'usd' }, key: newKey() },
  );
  expect(transfer.errors).toBeUndefined();
}

beforeAll(async () => {
  ledger = await startTestService(ledgerService);
  identity = await startTestService(identityService, { DASH_REDIS_PREFIX: prefix });
  const env = {
    DASH_LEDGER_URL: ledger.url,
    DASH_IDENTITY_URL: identity.url,
    DASH_PAYOUT_TICK_MS: '3600000',
    DASH_AUTOMATIC_PAYOUTS_EVERY_MS: '3600000',
    DASH_SIMULATED_BANK_SETTLE_MS: '0',
  };
  payouts = await startTestService(payoutsService, env);
  app = payoutsInstance(payouts, { ...env, REDIS_URL: testRedisUrl() });
  jobs = new Queue(deliveryQueue.name, {
    connection: createRedisConnection(testRedisUrl()),
    prefix,
  });
  await seedIdentity(identity.dataSource, {
    platform: { id: 'plat_a', name: 'Rocket Rides', brandColor: '#5b4cf0' },
    accounts: ACCOUNTS.map((id) => ({
      id,
      displayName: 'Ada Lovelace',
      email: `${id}@example.com`,
      country: 'US',
      defaultCurrency: 'usd',
      livemode: false,
    })),
  });
});
afterAll(async () => {
  await jobs?.obliterate({ force: true });
  await jobs?.close();
  await payouts?.close();
  await identity?.close();
  await ledger?.close();
});

describe('payout methods the account changes itself, with its code', () => {
  it('adds a debit card: Visa and Mastercard debit; credit and prepaid cards are refused before the code is used', async () => {
    const { accountId, as } = await newAccount({ bank: US_BANK });
    const { challenge, code } = await codeFor(accountId);
    for (const number of ['4242424242424242', '5555555555554444', '5105105105105100']) {
      const refused = await as(ADD, {
        card: { ...VISA_DEBIT, number },
        default: false,
        c: challenge,
        code,
      });
      expect(extensionsOf(refused)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'number',
        reason: 'CARD_NOT_DEBIT',
        funding: number.startsWith('51') ? 'prepaid' : 'credit',
      });
    }
    const badDigit = await as(ADD, {
      card: { ...VISA_DEBIT, number: '4000056655665557' },
      default: false,
      c: challenge,
      code,
    });
    expect(extensionsOf(badDigit)).toMatchObject({ field: 'number', reason: 'INVALID_CARD' });

    // The code is still good: the refusals came before it was used.
    const visa = await as(ADD, { card: VISA_DEBIT, default: false, c: challenge, code });
    expect(visa.errors).toBeUndefined();
    expect(visa.data!.addMyExternalAccount).toMatchObject({
      kind: 'card',
      last4: '5556',
      defaultForCurrency: false,
      status: 'new',
    });
    const second = await codeFor(accountId);
    const mastercard = await as(ADD, {
      card: MASTERCARD_DEBIT,
      default: true,
      c: second.challenge,
      code: second.code,
    });
    expect(mastercard.data!.addMyExternalAccount).toMatchObject({
      last4: '8210',
      defaultForCurrency: true,
    });
    const listed = await destinations(accountId);
    expect(listed.filter((d) => d.defaultForCurrency).map((d) => d.last4)).toEqual(['8210']);
    expect(await changesOf(accountId)).toEqual([
      expect.objectContaining({ change: 'added', kind: 'bank_account', by: 'platform' }),
      expect.objectContaining({ change: 'added', last4: '5556', by: 'account' }),
      expect.objectContaining({ change: 'added', last4: '8210', defaultForCurrency: true }),
    ]);
    const confirmed = await payouts.dataSource.query(
      'SELECT challenge_id, change_kind FROM confirmed_changes WHERE account_id = ? ORDER BY created_at',
      [accountId],
    );
    expect(confirmed).toEqual([
      { challenge_id: challenge, change_kind: 'added' },
      { challenge_id: second.challenge, change_kind: 'added' },
    ]);
  });

  it('adds a bank account in another currency, its first one becoming its default', async () => {
    const { accountId, as } = await newAccount({ bank: US_BANK });
    const { challenge, code } = await codeFor(accountId);
    const euros = await as(ADD, { bank: EUR_BANK, default: false, c: challenge, code });
    expect(euros.data!.addMyExternalAccount).toMatchObject({
      currency: 'eur',
      defaultForCurrency: true,
    });
    expect((await destinations(accountId)).map((d) => [d.currency, d.defaultForCurrency])).toEqual(
      expect.arrayContaining([
        ['usd', true],
        ['eur', true],
      ]),
    );
  });

  it('one code confirms one change: ten changes sent at once with it make one, and it is used up', async () => {
    const { accountId, ids, as } = await newAccount(
      { bank: US_BANK },
      { card: VISA_DEBIT },
      { card: MASTERCARD_DEBIT },
    );
    const { challenge, code } = await codeFor(accountId);
    const attempts = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        i % 2
          ? as(SET_DEFAULT, { id: ids[1], c: challenge, code })
          : as(REMOVE, { id: ids[2], c: challenge, code }),
      ),
    );
    expect(attempts.filter((attempt) => !attempt.errors)).toHaveLength(1);
    for (const refused of attempts.filter((attempt) => attempt.errors))
      expect(extensionsOf(refused)?.code).not.toBe('INTERNAL_SERVER_ERROR');
    const confirmed = await payouts.dataSource.query(
      'SELECT COUNT(*) AS n FROM confirmed_changes WHERE challenge_id = ?',
      [challenge],
    );
    expect(Number(confirmed[0].n)).toBe(1);
    // The code again, for the change that did not happen: the one that did is done, and asking
    // for it again is answered as done without a code.
    const setDefaultWon = attempts.findIndex((attempt) => !attempt.errors) % 2 === 1;
    const again = setDefaultWon
      ? await as(REMOVE, { id: ids[2], c: challenge, code })
      : await as(SET_DEFAULT, { id: ids[1], c: challenge, code });
    expect(extensionsOf(again)).toMatchObject({ reason: 'CHALLENGE_INVALID' });
  });

  it('a code of another account, a wrong code and a malformed one change nothing', async () => {
    const { accountId, ids, as } = await newAccount({ bank: US_BANK }, { card: VISA_DEBIT });
    const other = await newAccount({ bank: US_BANK });
    const theirs = await codeFor(other.accountId);
    const borrowed = await as(SET_DEFAULT, { id: ids[1], c: theirs.challenge, code: theirs.code });
    expect(extensionsOf(borrowed)).toMatchObject({ reason: 'CHALLENGE_INVALID' });
    const mine = await codeFor(accountId);
    const wrong = await as(SET_DEFAULT, {
      id: ids[1],
      c: mine.challenge,
      code: mine.code === '111111' ? '222222' : '111111',
    });
    expect(extensionsOf(wrong)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CODE_WRONG' });
    const malformed = await as(SET_DEFAULT, { id: ids[1], c: mine.challenge, code: '12a456' });
    expect(extensionsOf(malformed)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    // Another account's bank account is not found, with a good code of one's own.
    const foreign = await as(REMOVE, { id: other.ids[0], c: mine.challenge, code: mine.code });
    expect(extensionsOf(foreign)).toMatchObject({ code: 'NOT_FOUND' });
    expect((await destinations(accountId)).find((d) => d.defaultForCurrency)?.kind).toBe(
      'bank_account',
    );
    expect(await destinations(other.accountId)).toHaveLength(1);
  });

  it("needs the platform's editBankAccounts switch", async () => {
    const accountId = `acct_off_${randomBytes(4).toString('hex')}`;
    await payouts.dataSource.transaction(async (manager) => {
      await savePlatform(
        manager,
        { id: 'plat_off', name: 'Managed Rides', features: { editBankAccounts: false } },
        new Date(),
      );
      await rememberAccount(
        manager,
        { accountId, platformId: 'plat_off', livemode: false },
        ONBOARDED,
      );
    });
    const refused = await callAs(payouts, signedIn(accountId, 'plat_off'), ADD, {
      card: VISA_DEBIT,
      default: false,
      c: 'lch_none',
      code: '000000',
    });
    expect(extensionsOf(refused)).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'FEATURE_DISABLED',
      feature: 'editBankAccounts',
    });
    expect(await destinations(accountId)).toEqual([]);
  });
});

describe('defaults', () => {
  it('a new default takes the place of the old one, which stays as an option', async () => {
    const { accountId, ids, as } = await newAccount({ bank: US_BANK }, { card: VISA_DEBIT });
    const { challenge, code } = await codeFor(accountId);
    const chosen = await as(SET_DEFAULT, { id: ids[1], c: challenge, code });
    expect(chosen.data!.setMyDefaultExternalAccount).toMatchObject({
      id: ids[1],
      defaultForCurrency: true,
    });
    expect((await destinations(accountId)).map((d) => [d.id, d.defaultForCurrency])).toEqual([
      [ids[1], true],
      [ids[0], false],
    ]);
    expect((await changesOf(accountId)).at(-1)).toMatchObject({
      change: 'default_changed',
      externalAccountId: ids[1],
      defaultForCurrency: true,
      by: 'account',
    });
  });

  it('20 set-defaults at once, across three methods, leave exactly one default per currency', async () => {
    const { accountId, ids } = await newAccount(
      { bank: US_BANK },
      { card: VISA_DEBIT },
      { card: MASTERCARD_DEBIT },
      { bank: EUR_BANK },
    );
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        callAs(payouts, platformA, PLATFORM_DEFAULT, { account: accountId, id: ids[i % 4] }),
      ),
    );
    for (const result of results) expect(result.errors).toBeUndefined();
    const rows = (await payouts.dataSource.query(
      'SELECT currency, COUNT(*) AS n FROM external_accounts WHERE account_id = ? AND default_for IS NOT NULL GROUP BY currency ORDER BY currency',
      [accountId],
    )) as Array<{ currency: string; n: string | number }>;
    expect(rows.map((row) => [row.currency, Number(row.n)])).toEqual([
      ['eur', 1],
      ['usd', 1],
    ]);
  });
});

describe('removing', () => {
  it('a default stays while others of its currency remain; the others can go', async () => {
    const { accountId, ids, as } = await newAccount({ bank: US_BANK }, { card: VISA_DEBIT });
    const { challenge, code } = await codeFor(accountId);
    const refused = await as(REMOVE, { id: ids[0], c: challenge, code });
    expect(extensionsOf(refused)).toMatchObject({
      code: 'FAILED_PRECONDITION',
      reason: 'DEFAULT_EXTERNAL_ACCOUNT',
    });
    // Refused before the code was used: it still removes the card.
    const removed = await as(REMOVE, { id: ids[1], c: challenge, code });
    expect(removed.data!.deleteMyExternalAccount).toEqual({ id: ids[1] });
    expect((await destinations(accountId)).map((d) => d.id)).toEqual([ids[0]]);
    expect((await changesOf(accountId)).at(-1)).toMatchObject({
      change: 'removed',
      externalAccountId: ids[1],
    });
  });

  it("never the account's only method, and never the last of a currency with a balance", async () => {
    const { accountId, ids, as } = await newAccount({ bank: US_BANK }, { bank: EUR_BANK });
    await fund(accountId, 2_500);
    const { challenge, code } = await codeFor(accountId);
    const withBalance = await as(REMOVE, { id: ids[0], c: challenge, code });
    expect(extensionsOf(withBalance)).toMatchObject({
      code: 'FAILED_PRECONDITION',
      reason: 'CURRENCY_HAS_BALANCE',
      currency: 'usd',
    });
    // No EUR money: the EUR bank account goes, and the USD one is then the only one.
    const euros = await as(REMOVE, { id: ids[1], c: challenge, code });
    expect(euros.errors).toBeUndefined();
    const next = await codeFor(accountId);
    const only = await as(REMOVE, { id: ids[0], c: next.challenge, code: next.code });
    expect(extensionsOf(only)).toMatchObject({ reason: 'LAST_EXTERNAL_ACCOUNT' });
  });

  it('pending money counts as a balance too', async () => {
    const { accountId, ids } = await newAccount({ bank: US_BANK }, { bank: EUR_BANK });
    const charge = await callAs(
      ledger,
      platformA,
      'mutation($input: ChargeInput!, $key: String!) { createCharge(input: $input, idempotencyKey: $key) { id status } }',
      {
        input: { account: accountId, amount: 2_000, currency: 'usd', cardLast4: '4242' },
        key: newKey(),
      },
    );
    expect(charge.errors).toBeUndefined();
    const refused = await callAs(payouts, platformA, PLATFORM_REMOVE, {
      account: accountId,
      id: ids[0],
    });
    expect(extensionsOf(refused)).toMatchObject({ reason: 'CURRENCY_HAS_BALANCE' });
  });

  it('removals of the last two methods of a currency with a balance, sent at once, leave one (20 rounds)', async () => {
    for (let round = 0; round < 20; round += 1) {
      const { accountId, ids } = await newAccountFor(round);
      const results = await Promise.all(
        [ids[0], ids[1], ids[0], ids[1]].map((id) =>
          callAs(payouts, platformA, PLATFORM_REMOVE, { account: accountId, id }),
        ),
      );
      for (const refused of results.filter((result) => result.errors))
        expect([
          'DEFAULT_EXTERNAL_ACCOUNT',
          'CURRENCY_HAS_BALANCE',
          undefined, // NOT_FOUND: the other request removed it first.
        ]).toContain(extensionsOf(refused)?.reason);
      const usd = (await destinations(accountId)).filter((d) => d.currency === 'usd');
      expect(usd).toHaveLength(1);
      expect(usd[0]!.defaultForCurrency).toBe(true);
    }
  });

  it('removals and set-defaults racing keep one default, whatever wins', async () => {
    for (let round = 0; round < 10; round += 1) {
      const { accountId, ids } = await newAccountFor(round + 100);
      const calls = [
        callAs(payouts, platformA, PLATFORM_DEFAULT, { account: accountId, id: ids[1] }),
        callAs(payouts, platformA, PLATFORM_REMOVE, { account: accountId, id: ids[0] }),
        callAs(payouts, platformA, PLATFORM_REMOVE, { account: accountId, id: ids[1] }),
        callAs(payouts, platformA, PLATFORM_DEFAULT, { account: accountId, id: ids[0] }),
      ];
      await Promise.all(calls);
      const usd = (await destinations(accountId)).filter((d) => d.currency === 'usd');
      expect(usd.length).toBeGreaterThanOrEqual(1);
      expect(usd.filter((d) => d.defaultForCurrency)).toHaveLength(1);
    }
  });

  it('says beforehand why each one cannot go, as its removal would be refused', async () => {
    const { accountId, ids } = await newAccountFor(200);
    const reasons = async () => {
      const response = await callAs<{
        _entities: Array<{
          externalAccounts: Array<{ id: string; removalBlockedReason: string | null }>;
        }>;
      }>(
        payouts,
        signedIn(accountId),
        'query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Account { externalAccounts { id removalBlockedReason } } } }',
        { reps: [{ __typename: 'Account', id: accountId }] },
      );
      return Object.fromEntries(
        response.data!._entities[0]!.externalAccounts.map((d) => [d.id, d.removalBlockedReason]),
      );
    };
    expect(await reasons()).toEqual({
      [ids[0]!]: 'DEFAULT_EXTERNAL_ACCOUNT',
      [ids[1]!]: null,
      [ids[2]!]: null,
    });
    await callAs(payouts, platformA, PLATFORM_REMOVE, { account: accountId, id: ids[1] });
    expect((await reasons())[ids[0]!]).toBe('CURRENCY_HAS_BALANCE');
    await callAs(payouts, platformA, PLATFORM_REMOVE, { account: accountId, id: ids[2] });
    expect(await reasons()).toEqual({ [ids[0]!]: 'LAST_EXTERNAL_ACCOUNT' });
  });

  it("is refused for another platform's account", async () => {
    const { accountId, ids } = await newAccount({ bank: US_BANK }, { card: VISA_DEBIT });
    const foreign = await callAs(payouts, platformB, PLATFORM_REMOVE, {
      account: accountId,
      id: ids[1],
    });
    expect(extensionsOf(foreign)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await destinations(accountId)).toHaveLength(2);
  });
});

describe('action needed', () => {
  it('a failed payout marks its bank account errored with the reason; adding it again clears it', async () => {
    const { accountId, ids, as } = await newAccount({ bank: CLOSED_US_BANK });
    await fund(accountId, 5_000);
    const payout = await callAs<{ createPayout: { id: string } }>(
      payouts,
      platformA,
      'mutation($a: ID!, $key: String!) { createPayout(account: $a, input: { amount: 3000, currency: "usd" }, idempotencyKey: $key) { id } }',
      { a: accountId, key: newKey() },
    );
    expect(payout.errors).toBeUndefined();
    await app.lifecycle.advance();
    await app.lifecycle.advance();
    expect(await destinations(accountId)).toEqual([
      expect.objectContaining({
        id: ids[0],
        status: 'errored',
        failureCode: 'account_closed',
        failureMessage: 'The bank account has been closed.',
      }),
    ]);
    expect((await changesOf(accountId)).at(-1)).toMatchObject({
      change: 'errored',
      by: 'bank',
      failureCode: 'account_closed',
    });

    // The bank has reopened it: the same details, confirmed again, clear the error in place.
    const { challenge, code } = await codeFor(accountId);
    const again = await as(ADD, { bank: CLOSED_US_BANK, default: false, c: challenge, code });
    expect(again.data!.addMyExternalAccount).toMatchObject({
      id: ids[0],
      status: 'new',
      failureCode: null,
      failureMessage: null,
      defaultForCurrency: true,
    });
    expect(await destinations(accountId)).toHaveLength(1);
    expect((await changesOf(accountId)).at(-1)).toMatchObject({ change: 'updated' });
  });

  it('replacing an errored bank account leaves only the new one', async () => {
    const { accountId, as } = await newAccount({ bank: CLOSED_US_BANK });
    await payouts.dataSource.query(
      "UPDATE external_accounts SET status = 'errored', failure_code = 'account_closed' WHERE account_id = ?",
      [accountId],
    );
    const { challenge, code } = await codeFor(accountId);
    const replaced = await as(
      `mutation($bank: BankAccountInput!, $c: ID!, $code: String!) {
        changeExternalAccount(bankAccount: $bank, challenge: $c, code: $code) { ${FIELDS} }
      }`,
      { bank: US_BANK, c: challenge, code },
    );
    expect(replaced.errors).toBeUndefined();
    expect(await destinations(accountId)).toEqual([
      expect.objectContaining({ last4: '6789', status: 'new', failureCode: null }),
    ]);
  });
});

/** An account with two USD methods (a bank account, the default, and a card), a EUR bank account and USD money. */
async function newAccountFor(round: number) {
  const accountId = `acct_race${round}_${randomBytes(4).toString('hex')}`;
  await knownAccounts([ledger, payouts], [accountId]);
  const ids: string[] = [];
  for (const destination of [{ bank: US_BANK }, { card: VISA_DEBIT }, { bank: EUR_BANK }]) {
    const added = await callAs<{ createExternalAccount: Destination }>(
      payouts,
      platformA,
      PLATFORM_ADD,
      { account: accountId, ...destination, default: false },
    );
    ids.push(added.data!.createExternalAccount.id);
  }
  await fund(accountId, 1_000);
  return { accountId, ids };
}
