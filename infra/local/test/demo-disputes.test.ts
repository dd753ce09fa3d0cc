import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleDisputes, disputesService, seedDisputes } from '@dash/disputes';
import { ledgerInvariants, ledgerService, seedLedger } from '@dash/ledger';
import { createLogger } from '@dash/logger';
import { startTestService, TEST_SECRET_KEYS, type TestService } from '@dash/subgraph/testing';
import { buildDemoData } from '../src/index.js';

/**
 * The demo's disputes on a fresh start, as `npm start` seeds them: the open chargeback's
 * withdrawal is due, and the disputes worker must get it done — not fail on every tick.
 */
let ledger: TestService;
let disputes: TestService;
const now = new Date();
const demo = buildDemoData(now);
const platform = { id: demo.platform.id, name: demo.platform.name, features: {} };

const worker = () =>
  assembleDisputes({
    dataSource: disputes.dataSource,
    log: createLogger('test', 'silent'),
    config: { internalSecret: TEST_SECRET_KEYS.for('disputes') },
    env: { DASH_LEDGER_URL: ledger.url, DASH_FILE_STORAGE_DIR: '/tmp/dash-demo' },
  });
const stepsLeft = async () =>
  (await disputes.dataSource.query(
    "SELECT id FROM disputes WHERE withdrawal = 'due' OR reinstatement = 'due'",
  )) as Array<{ id: string }>;

beforeAll(async () => {
  ledger = await startTestService(ledgerService);
  disputes = await startTestService(disputesService, {
    DASH_LEDGER_URL: 'http://127.0.0.1:9/',
    DASH_DISPUTE_TICK_MS: '3600000',
  });
  await seedLedger(
    ledger.dataSource,
    { platform, accounts: demo.accounts, charges: demo.charges, payouts: demo.payouts },
    now,
  );
  await seedDisputes(disputes.dataSource, { platform, disputes: demo.disputes }, now);
});
afterAll(async () => {
  await disputes?.close();
  await ledger?.close();
});

describe('the seeded disputes', () => {
  it('leave no ledger step due once the worker has run, even run twice at once', async () => {
    expect(await stepsLeft()).not.toHaveLength(0);
    await Promise.all([
      worker().lifecycle.settleLedgerSteps(),
      worker().lifecycle.settleLedgerSteps(),
    ]);
    expect(await stepsLeft()).toEqual([]);
    expect((await ledgerInvariants(ledger.dataSource)).ok).toBe(true);
  });

  it('a step whose answer was lost is done again as the same step: it completes', async () => {
    // The ledger took the money, but the disputes service never heard: the step is due again.
    const [taken] = (await disputes.dataSource.query(
      "SELECT id, balance_transaction_id FROM disputes WHERE withdrawal = 'done'",
    )) as Array<{ id: string; balance_transaction_id: string }>;
    await disputes.dataSource.query(
      "UPDATE disputes SET withdrawal = 'due', balance_transaction_id = NULL WHERE id = ?",
      [taken!.id],
    );
    await ledger.dataSource.query('DELETE FROM idempotency_keys');
    await worker().lifecycle.settleLedgerSteps();
    expect(await stepsLeft()).toEqual([]);
    const [again] = (await disputes.dataSource.query(
      'SELECT balance_transaction_id FROM disputes WHERE id = ?',
      [taken!.id],
    )) as Array<{ balance_transaction_id: string }>;
    expect(again!.balance_transaction_id).toBe(taken!.balance_transaction_id);
    const [count] = (await ledger.dataSource.query(
      "SELECT COUNT(*) AS n FROM balance_transactions WHERE type = 'dispute'",
    )) as Array<{ n: string }>;
    expect(Number(count!.n)).toBe(1);
    expect((await ledgerInvariants(ledger.dataSource)).ok).toBe(true);
  });
});
