import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAYOUT_REVERSAL_PATH, type PayoutDebit } from '@dash/contracts';
import type { RiskSignalFacts, WantedIntervention } from '@dash/events';
import { accountCaller, type TestService } from '@dash/subgraph/testing';
import { Balances } from '../src/account/balances.service.js';
import { NegativeBalanceWatch } from '../src/negative-balance/negative-balance-watch.service.js';
import { NegativeBalances } from '../src/negative-balance/negative-balances.service.js';
import { RiskAssessor } from '../src/risk/risk-assessor.service.js';
import { RiskSettingsStore } from '../src/risk/risk-settings.service.js';
import {
  command,
  DAY,
  expectLedgerHolds,
  fund,
  knownAccounts,
  newKey,
  payOut,
  platformA,
  platformB,
  recordedEvents,
  REFUND,
  settledCharges,
  startLedger,
  uniqueId,
  withdrawForDispute,
} from './support.js';

type Assessed = { assessedAt: string; signals: RiskSignalFacts[]; wanted: WantedIntervention[] };

const ACCOUNTS = [
  'acct_disp',
  'acct_ref',
  'acct_vol',
  'acct_neg',
  'acct_pof',
  'acct_quiet',
  'acct_owes',
];
const liveA = { ...platformA, livemode: true };

let service: TestService;
let assessor: RiskAssessor;
let settings: RiskSettingsStore;
let watch: NegativeBalanceWatch;

beforeAll(async () => {
  // The API alone: every pass in these tests is one the test runs.
  service = await startLedger(ACCOUNTS, { DASH_ROLE: 'api' });
  await knownAccounts(service, [{ id: 'acct_other', platformId: 'plat_b' }]);
  const { dataSource } = service;
  const balances = new Balances(dataSource);
  settings = new RiskSettingsStore(dataSource);
  assessor = new RiskAssessor(
    dataSource,
    settings,
    balances,
    new NegativeBalances(dataSource, balances),
  );
  watch = new NegativeBalanceWatch(dataSource, balances);
});
afterAll(() => service.close());

const SETTINGS = `query { riskSettings { livemode windowDays minimumCharges disputeRateThreshold
  refundRateThreshold volumeChangeFactor payoutFailuresThreshold recoveryDays reservePercent
  reserveDays severeFactor automaticInterventions } }`;
const SET = `mutation($input: RiskSettingsInput!) { setRiskSettings(input: $input) {
  livemode reservePercent disputeRateThreshold severeFactor automaticInterventions } }`;
const SIGNALS = `query($reps: [_Any!]!) { _entities(representations: $reps) {
  ... on Account { riskSignals { kind measure windowDays value threshold breached breachedSince
    computedAt history(first: 10) { at value breached } } } } }`;
const AT_RISK = `query($filter: AccountsAtRiskFilter, $first: Int!, $after: String) {
  accountsAtRisk(filter: $filter, first: $first, after: $after) {
    nodes { account { id } signals { kind measure breached } } pageInfo { hasNextPage endCursor } } }`;
const OVERVIEW = `query($reps: [_Any!]!) { _entities(representations: $reps) {
  ... on RiskOverview { id exposure { amount currency }
    negativeBalancesByAge { minDays maxDays currency amount accounts } } } }`;

const reasonOf = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
  response.errors?.[0]?.extensions?.reason ?? response.errors?.[0]?.extensions?.code;

/** The `risk.assessed` events recorded for one account, oldest first. */
const assessedFor = async (accountId: string) =>
  (await recordedEvents<Assessed>(service, 'risk.assessed')).filter(
    (event) => event.accountId === accountId,
  );

const signal = (event: { data: Assessed }, kind: string, measure: string) =>
  event.data.signals.find((each) => each.kind === kind && each.measure === measure)!;

const kindsWanted = (event: { data: Assessed }) => event.data.wanted.map((wanted) => wanted.kind);

async function refund(chargeId: string) {
  const response = await service.query(
    REFUND,
    { input: { charge: chargeId }, key: newKey() },
    platformA,
  );
  if (response.errors) throw new Error(JSON.stringify(response.errors));
}

/** Moves the account's given balance transactions back in time: history it made earlier. */
const age = (ids: string[], days: number) =>
  service.dataSource.query(
    'UPDATE balance_transactions SET created_at = created_at - INTERVAL ? DAY WHERE id IN (?)',
    [days, ids],
  );

describe('risk settings', () => {
  it('are the defaults until the platform changes them', async () => {
    const response = await service.query(SETTINGS, {}, platformB);
    expect(response.data).toEqual({
      riskSettings: {
        livemode: false,
        windowDays: 30,
        minimumCharges: 10,
        disputeRateThreshold: 0.01,
        refundRateThreshold: 0.1,
        volumeChangeFactor: 5,
        payoutFailuresThreshold: 2,
        recoveryDays: 7,
        reservePercent: 10,
        reserveDays: 30,
        severeFactor: 2,
        automaticInterventions: true,
      },
    });
  });

  it('change per platform and mode: test-mode settings leave live and other platforms alone', async () => {
    const set = await service.query(
      SET,
      { input: { disputeRateThreshold: 0.05, reservePercent: 20 } },
      platformA,
    );
    expect(set.data).toEqual({
      setRiskSettings: {
        livemode: false,
        reservePercent: 20,
        disputeRateThreshold: 0.05,
        severeFactor: 2,
        automaticInterventions: true,
      },
    });
    const live = await service.query<{ riskSettings: { reservePercent: number } }>(
      SETTINGS,
      {},
      liveA,
    );
    expect(live.data!.riskSettings).toMatchObject({ livemode: true, reservePercent: 10 });
    const other = await service.query<{ riskSettings: { reservePercent: number } }>(
      SETTINGS,
      {},
      platformB,
    );
    expect(other.data!.riskSettings.reservePercent).toBe(10);
  });

  it('refuse values out of range by field, and any caller but a platform key', async () => {
    for (const input of [
      { reservePercent: 51 },
      { reserveDays: 0 },
      { windowDays: 365 },
      { disputeRateThreshold: -0.1 },
      { severeFactor: 0.5 },
    ]) {
      const response = await service.query(SET, { input }, platformA);
      expect(reasonOf(response)).toBe('RISK_SETTING_OUT_OF_RANGE');
      expect(response.errors![0]!.extensions!.field).toBe(Object.keys(input)[0]);
    }
    const malformed = await service.query(SET, { input: { reservePercent: 'ten' } }, platformA);
    expect(malformed.errors).toBeDefined();
    const account = await service.query(
      SET,
      { input: { reservePercent: 5 } },
      accountCaller('acct_disp'),
    );
    expect(reasonOf(account)).toBe('FORBIDDEN');
    const anonymous = await service.query(SETTINGS, {});
    expect(reasonOf(anonymous)).toBe('UNAUTHENTICATED');
    // Nothing of that changed the settings.
    expect((await settings.of({ platformId: 'plat_a', livemode: false })).reservePercent).toBe(20);
  });

  it('take concurrent changes one after another, each whole', async () => {
    const percents = Array.from({ length: 12 }, (_, index) => index + 5);
    const responses = await Promise.all(
      percents.map((reservePercent) =>
        service.query(SET, { input: { reservePercent, reserveDays: reservePercent } }, platformB),
      ),
    );
    expect(responses.every((response) => !response.errors)).toBe(true);
    const now = await settings.of({ platformId: 'plat_b', livemode: false });
    expect(percents).toContain(now.reservePercent);
    expect(now.reserveDays).toBe(now.reservePercent);
  });
});

describe('risk signals', () => {
  it('an account with activity and nothing breached is assessed, and no event is recorded', async () => {
    await settledCharges(service, 'acct_quiet', 1_000, 3);
    const pass = await assessor.assessNow();
    expect(pass.assessed).toBeGreaterThanOrEqual(1);
    expect(await assessedFor('acct_quiet')).toEqual([]);
    const [row] = (await service.dataSource.query(
      "SELECT COUNT(*) AS n FROM risk_signals WHERE account_id = 'acct_quiet'",
    )) as Array<{ n: string }>;
    expect(Number(row!.n)).toBe(8);
  });

  it('dispute rate: over the threshold wants a rolling reserve, over the severe factor disables charges too; back under wants nothing', async () => {
    const charges = await settledCharges(service, 'acct_disp', 1_000, 10);
    await withdrawForDispute(service, charges[0]!.id, { amount: 1_000, fee: 1_500 });
    await assessor.assessNow();
    let events = await assessedFor('acct_disp');
    expect(events).toHaveLength(1);
    expect(signal(events[0]!, 'dispute_rate', 'count')).toMatchObject({
      value: 0.1,
      threshold: 0.05,
      breached: true,
      windowDays: 30,
    });
    expect(signal(events[0]!, 'dispute_rate', 'amount')).toMatchObject({
      value: 0.1,
      breached: true,
    });
    expect(events[0]!.data.wanted).toEqual([
      {
        kind: 'rolling_reserve',
        signal: 'dispute_rate',
        breachedSince: events[0]!.data.assessedAt,
        reservePercent: 20,
        reserveDays: 30,
      },
      {
        kind: 'disable_charges',
        signal: 'dispute_rate',
        breachedSince: events[0]!.data.assessedAt,
      },
    ]);
    // Passes that find nothing changed record nothing, however many run at once.
    await Promise.all(Array.from({ length: 40 }, () => assessor.assessNow()));
    expect(await assessedFor('acct_disp')).toHaveLength(1);
    // More charges dilute it: 1 in 21 is under 0.05.
    await settledCharges(service, 'acct_disp', 1_000, 11);
    await assessor.assessNow();
    events = await assessedFor('acct_disp');
    expect(events).toHaveLength(2);
    expect(signal(events[1]!, 'dispute_rate', 'count')).toMatchObject({
      value: 0.047619,
      breached: false,
      breachedSince: null,
    });
    expect(events[1]!.data.wanted).toEqual([]);
  });

  it('the severe factor alone moves the wanted set, and records an event', async () => {
    // 1 dispute in 21 charges (0.0476): breached at 0.04, severe at 2 × 0.02 = 0.04 but not 3 ×.
    await service.query(SET, { input: { disputeRateThreshold: 0.04, severeFactor: 3 } }, platformA);
    await assessor.assessNow();
    let events = await assessedFor('acct_disp');
    expect(kindsWanted(events.at(-1)!)).toEqual(['rolling_reserve']);
    await service.query(SET, { input: { severeFactor: 1 } }, platformA);
    await assessor.assessNow();
    events = await assessedFor('acct_disp');
    expect(kindsWanted(events.at(-1)!)).toEqual(['rolling_reserve', 'disable_charges']);
    // The breach began once; its start stays while it lasts.
    expect(events.at(-1)!.data.wanted[0]!.breachedSince).toBe(
      events.at(-2)!.data.wanted[0]!.breachedSince,
    );
    await service.query(
      SET,
      { input: { disputeRateThreshold: 0.05, severeFactor: 2, automaticInterventions: false } },
      platformA,
    );
    await assessor.assessNow();
    events = await assessedFor('acct_disp');
    expect(events.at(-1)!.data.wanted).toEqual([]);
    await service.query(SET, { input: { automaticInterventions: true } }, platformA);
  });

  it('refund rate: breached at the threshold, back under with one more charge', async () => {
    const charges = await settledCharges(service, 'acct_ref', 1_000, 10);
    await refund(charges[0]!.id);
    await assessor.assessNow();
    let events = await assessedFor('acct_ref');
    expect(events).toHaveLength(1);
    expect(signal(events[0]!, 'refund_rate', 'count')).toMatchObject({
      value: 0.1,
      breached: true,
    });
    expect(signal(events[0]!, 'refund_rate', 'amount')).toMatchObject({
      value: 0.1,
      breached: true,
    });
    expect(events[0]!.data.wanted).toEqual([
      expect.objectContaining({
        kind: 'rolling_reserve',
        signal: 'refund_rate',
        reservePercent: 20,
      }),
    ]);
    await settledCharges(service, 'acct_ref', 1_000, 1);
    await assessor.assessNow();
    events = await assessedFor('acct_ref');
    expect(events).toHaveLength(2);
    expect(signal(events[1]!, 'refund_rate', 'count')).toMatchObject({
      value: 0.090909,
      breached: false,
    });
  });

  it('volume change: five times the weekly average of the weeks before wants a document', async () => {
    const history = await settledCharges(service, 'acct_vol', 1_000, 13);
    await age(
      history.map((made) => made.balanceTransaction!.id),
      40,
    );
    await settledCharges(service, 'acct_vol', 500, 10);
    await assessor.assessNow();
    let events = await assessedFor('acct_vol');
    expect(events).toHaveLength(1);
    expect(signal(events[0]!, 'volume_change', 'factor')).toMatchObject({
      value: 5,
      threshold: 5,
      breached: true,
      windowDays: 7,
    });
    expect(kindsWanted(events[0]!)).toEqual(['require_document']);
    // More history lowers the weekly average's multiple: 5,000 ÷ (14,000 ÷ 13) < 5.
    const older = await settledCharges(service, 'acct_vol', 1_000, 1);
    await age([older[0]!.balanceTransaction!.id], 40);
    await assessor.assessNow();
    events = await assessedFor('acct_vol');
    expect(events).toHaveLength(2);
    expect(signal(events[1]!, 'volume_change', 'factor')).toMatchObject({
      value: 4.642857,
      breached: false,
    });
  });

  it('payout failures: two in the window want information; the window moving on ends it', async () => {
    await fund(service, 'acct_pof', 10_000);
    for (let failure = 0; failure < 2; failure += 1) {
      const payoutId = uniqueId('po');
      const debit = await payOut(service, { accountId: 'acct_pof', payoutId, amount: 1_000 });
      await command<PayoutDebit>(service, 'payouts', PAYOUT_REVERSAL_PATH, {
        payoutId,
        balanceTransactionId: debit.balanceTransactionId,
        reason: 'payout_failure',
        description: 'The bank returned it',
      });
    }
    await assessor.assessNow();
    const events = await assessedFor('acct_pof');
    expect(events).toHaveLength(1);
    expect(signal(events[0]!, 'payout_failures', 'count')).toMatchObject({
      value: 2,
      breached: true,
    });
    expect(kindsWanted(events[0]!)).toEqual(['require_information']);
    // 31 days on (the account alone, so this test's clock moves nobody else's mark).
    const account = { accountId: 'acct_pof', platformId: 'plat_a', livemode: false };
    const later = new Date(Date.now() + 31 * DAY);
    expect(await assessor.assess(account, await settings.of(account), later)).toBe(true);
    const after = await assessedFor('acct_pof');
    expect(signal(after[1]!, 'payout_failures', 'count')).toMatchObject({
      value: 0,
      breached: false,
    });
    expect(after[1]!.data.wanted).toEqual([]);
  });

  it('negative balance: owed and aging; breached at recoveryDays; made good, back to nothing', async () => {
    const [made] = await settledCharges(service, 'acct_neg', 1_000, 1);
    await refund(made!.id);
    await watch.pass(new Date());
    await assessor.assessNow();
    const account = { accountId: 'acct_neg', platformId: 'plat_a', livemode: false };
    const [owed] = (await service.dataSource.query(
      "SELECT value, breached FROM risk_signals WHERE account_id = 'acct_neg' AND kind = 'negative_balance' AND measure = 'amount'",
    )) as Array<{ value: number; breached: number }>;
    expect(Number(owed!.value)).toBe(1_000 - made!.net);
    expect(Boolean(owed!.breached)).toBe(false);
    expect(await assessedFor('acct_neg')).toEqual([]);
    const [since] = (await service.dataSource.query(
      "SELECT since FROM negative_balances WHERE account_id = 'acct_neg'",
    )) as Array<{ since: Date }>;
    const sevenDaysOn = new Date(new Date(since!.since).getTime() + 7 * DAY);
    expect(await assessor.assess(account, await settings.of(account), sevenDaysOn)).toBe(true);
    const [breached] = await assessedFor('acct_neg');
    expect(signal(breached!, 'negative_balance', 'age_days')).toMatchObject({
      value: 7,
      threshold: 7,
      breached: true,
    });
    expect(breached!.data.wanted).toEqual([]);
    await fund(service, 'acct_neg', 1_000);
    // The watch at the real time: a pass in the future would move its mark past what comes next.
    await watch.pass(new Date());
    expect(
      await assessor.assess(
        account,
        await settings.of(account),
        new Date(sevenDaysOn.getTime() + 1),
      ),
    ).toBe(true);
    const [, madeGood] = await assessedFor('acct_neg');
    expect(signal(madeGood!, 'negative_balance', 'amount')).toMatchObject({
      value: 0,
      breached: false,
    });
  });

  it('keeps a history point each time a value or breach changed, not each pass', async () => {
    const points = (await service.dataSource.query(
      `SELECT value, breached FROM risk_signal_history
       WHERE account_id = 'acct_ref' AND kind = 'refund_rate' AND measure = 'count' ORDER BY id`,
    )) as Array<{ value: number; breached: number }>;
    expect(points.map((point) => [Number(point.value), Boolean(point.breached)])).toEqual([
      [0.1, true],
      [0.090909, false],
    ]);
  });
});

describe('reading risk', () => {
  it('Account.riskSignals: the platform reads them with their history; the account itself cannot; another platform sees none', async () => {
    const reps = { reps: [{ __typename: 'Account', id: 'acct_ref' }] };
    const response = await service.query<{
      _entities: Array<{
        riskSignals: Array<{ kind: string; measure: string; history: unknown[] }>;
      }>;
    }>(SIGNALS, reps, platformA);
    expect(response.errors).toBeUndefined();
    const signals = response.data!._entities[0]!.riskSignals;
    expect(signals.map((each) => `${each.kind}:${each.measure}`)).toEqual([
      'dispute_rate:amount',
      'dispute_rate:count',
      'refund_rate:amount',
      'refund_rate:count',
      'negative_balance:age_days',
      'negative_balance:amount',
      'volume_change:factor',
      'payout_failures:count',
    ]);
    expect(
      signals.find((each) => each.kind === 'refund_rate' && each.measure === 'count')!.history,
    ).toEqual([
      expect.objectContaining({ value: 0.090909, breached: false }),
      expect.objectContaining({ value: 0.1, breached: true }),
    ]);
    // The account itself sees none of its signals.
    const own = await service.query<{ _entities: Array<{ riskSignals: unknown[] }> }>(
      SIGNALS,
      reps,
      accountCaller('acct_ref'),
    );
    expect(own.data!._entities[0]!.riskSignals).toEqual([]);
    const other = await service.query<{ _entities: Array<{ riskSignals: unknown[] }> }>(
      SIGNALS,
      reps,
      platformB,
    );
    expect(other.data!._entities[0]!.riskSignals).toEqual([]);
  });

  it('accountsAtRisk: the platform’s breached accounts, filtered and paged; nobody else’s', async () => {
    // 1 dispute in 21 charges is over 0.04.
    await service.query(SET, { input: { disputeRateThreshold: 0.04 } }, platformA);
    await assessor.assessNow();
    const all = await service.query<{
      accountsAtRisk: {
        nodes: Array<{ account: { id: string } }>;
        pageInfo: { endCursor: string };
      };
    }>(AT_RISK, { first: 10 }, platformA);
    expect(all.errors).toBeUndefined();
    const ids = all.data!.accountsAtRisk.nodes.map((node) => node.account.id);
    expect(ids).toContain('acct_disp');
    expect(ids).not.toContain('acct_quiet');
    const disputed = await service.query<{
      accountsAtRisk: { nodes: Array<{ account: { id: string } }> };
    }>(AT_RISK, { filter: { signal: 'dispute_rate' }, first: 10 }, platformA);
    expect(disputed.data!.accountsAtRisk.nodes.map((node) => node.account.id)).toEqual([
      'acct_disp',
    ]);
    const notBreached = await service.query<{
      accountsAtRisk: {
        nodes: Array<{ account: { id: string } }>;
        pageInfo: { endCursor: string; hasNextPage: boolean };
      };
    }>(AT_RISK, { filter: { signal: 'refund_rate', breached: false }, first: 2 }, platformA);
    const firstPage = notBreached.data!.accountsAtRisk;
    expect(firstPage.nodes.map((node) => node.account.id)).toEqual(['acct_disp', 'acct_neg']);
    expect(firstPage.pageInfo.hasNextPage).toBe(true);
    const next = await service.query<{
      accountsAtRisk: { nodes: Array<{ account: { id: string } }> };
    }>(
      AT_RISK,
      {
        filter: { signal: 'refund_rate', breached: false },
        first: 2,
        after: firstPage.pageInfo.endCursor,
      },
      platformA,
    );
    expect(next.data!.accountsAtRisk.nodes.map((node) => node.account.id)).toEqual([
      'acct_pof',
      'acct_quiet',
    ]);
    // Another platform's cursor and list.
    const theirs = await service.query(
      AT_RISK,
      { first: 2, after: firstPage.pageInfo.endCursor },
      platformB,
    );
    expect(reasonOf(theirs)).toBe('BAD_USER_INPUT');
    const theirList = await service.query<{ accountsAtRisk: { nodes: unknown[] } }>(
      AT_RISK,
      { filter: { breached: false }, first: 10 },
      platformB,
    );
    expect(JSON.stringify(theirList.data)).not.toContain('acct_disp');
    expect(reasonOf(await service.query(AT_RISK, { first: 10 }, accountCaller('acct_disp')))).toBe(
      'FORBIDDEN',
    );
    expect(reasonOf(await service.query(AT_RISK, { first: 1000 }, platformA))).toBeDefined();
  });

  it('riskOverview: exposure and negative balances by age, for its own platform and mode only', async () => {
    const [made] = await settledCharges(service, 'acct_owes', 1_000, 1);
    await refund(made!.id);
    await watch.pass(new Date());
    const owed = 1_000 - made!.net;
    const ask = (id: string, caller = platformA) =>
      service.query<{ _entities: Array<Record<string, unknown>> }>(
        OVERVIEW,
        { reps: [{ __typename: 'RiskOverview', id }] },
        caller,
      );
    const mine = await ask('plat_a:test');
    expect(mine.errors).toBeUndefined();
    expect(mine.data!._entities[0]).toEqual({
      id: 'plat_a:test',
      exposure: [{ amount: owed, currency: 'usd' }],
      negativeBalancesByAge: [
        { minDays: 0, maxDays: 6, currency: 'usd', amount: owed, accounts: 1 },
      ],
    });
    expect(reasonOf(await ask('plat_a:test', platformB))).toBe('FORBIDDEN');
    expect(reasonOf(await ask('plat_a:live'))).toBe('FORBIDDEN');
    expect(reasonOf(await ask('plat_a'))).toBe('FORBIDDEN');
    expect(reasonOf(await ask('plat_a:test', accountCaller('acct_owes')))).toBe('FORBIDDEN');
    const theirs = await ask('plat_b:test', platformB);
    expect(theirs.data!._entities[0]).toMatchObject({ exposure: [], negativeBalancesByAge: [] });
    const live = await ask('plat_a:live', liveA);
    expect(live.data!._entities[0]).toMatchObject({ exposure: [] });
  });

  it('the ledger’s rules still hold', async () => {
    await expectLedgerHolds(service);
  });
});
