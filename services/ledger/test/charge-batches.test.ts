import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformCaller, type TestService } from '@dash/subgraph/testing';
import {
  balanceOf,
  charge,
  expectLedgerHolds,
  knownAccounts,
  newKey,
  recordedEvents,
  startLedger,
  type ChargeResult,
} from './support.js';

/**
 * Charges that arrive together are written together (one transaction for many), so a burst is
 * attacked here as a busy platform and a careless client would send it: replays of one key at
 * the same moment, one key reused with other parameters, declined cards, two currencies, and
 * two platforms using the same key string, all in one burst. Every charge must get the answer
 * it would have got alone.
 */
let service: TestService;
const ACCOUNTS = ['acct_burst_1', 'acct_burst_2', 'acct_burst_3'];
const platformB = platformCaller('plat_b');

beforeAll(async () => {
  service = await startLedger(ACCOUNTS);
  await knownAccounts(service, [{ id: 'acct_burst_b', platformId: 'plat_b' }]);
});
afterAll(() => service.close());

type Sent = {
  label: string;
  key: string;
  input: Record<string, unknown>;
  caller?: ReturnType<typeof platformCaller>;
};

describe('a burst of charges', () => {
  it('gives every charge its own answer, and the ledger what they would have made one by one', async () => {
    const sent: Sent[] = [];
    for (let index = 0; index < 30; index += 1)
      sent.push({
        label: `plain ${index}`,
        key: newKey(),
        input: {
          account: ACCOUNTS[index % ACCOUNTS.length],
          amount: 1_000 + index,
          currency: index % 4 === 0 ? 'eur' : 'usd',
          ...(index % 7 === 0 ? { cardLast4: '0002' } : {}),
        },
      });
    // The same request three times at once: one charge, three identical answers.
    const replayed = Array.from({ length: 4 }, (_, index) => ({
      key: newKey(),
      input: { account: ACCOUNTS[index % ACCOUNTS.length], amount: 5_000 + index },
    }));
    for (const { key, input } of replayed)
      for (let copy = 0; copy < 3; copy += 1) sent.push({ label: `replay ${key}`, key, input });
    // One key with two different amounts: one charge, the other refused as a reused key.
    const reused = Array.from({ length: 3 }, () => newKey());
    for (const key of reused)
      for (const amount of [7_000, 7_001])
        sent.push({ label: `reused ${key}`, key, input: { account: ACCOUNTS[0], amount } });
    // The same key string from another platform is another key altogether.
    sent.push({
      label: 'other platform',
      key: replayed[0]!.key,
      input: { account: 'acct_burst_b', amount: 9_000 },
      caller: platformB,
    });

    // Shuffled, then all at once.
    const order = sent.map((request, index) => ({ request, sortKey: (index * 7919) % 97 }));
    order.sort((a, b) => a.sortKey - b.sortKey);
    const answers = await Promise.all(
      order.map(async ({ request }) => ({
        request,
        response: await charge(service, request.input, request.caller, request.key),
      })),
    );

    const made = new Map<string, ChargeResult>();
    for (const { request, response } of answers) {
      if (request.label.startsWith('reused')) continue;
      expect(response.errors, request.label).toBeUndefined();
      made.set(response.data!.createCharge.id, response.data!.createCharge);
    }
    for (const { key, input } of replayed) {
      const ids = answers
        .filter((answer) => answer.request.key === key && !answer.request.caller)
        .map((answer) => answer.response.data!.createCharge.id);
      expect(new Set(ids).size, `replays of ${key}`).toBe(1);
      expect(made.get(ids[0]!)!.amount).toBe(input.amount);
    }
    for (const key of reused) {
      const pair = answers.filter((answer) => answer.request.key === key);
      const won = pair.filter((answer) => !answer.response.errors);
      expect(won).toHaveLength(1);
      made.set(won[0]!.response.data!.createCharge.id, won[0]!.response.data!.createCharge);
      const lost = pair.find((answer) => answer.response.errors)!;
      expect(lost.response.errors![0]!.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'IDEMPOTENCY_KEY_REUSED',
      });
    }
    // 30 plain, 4 replayed, 3 reused keys, 1 of the other platform.
    expect(made.size).toBe(38);

    const declined = [...made.values()].filter((result) => result.status === 'failed');
    expect(declined.length).toBe(5);
    for (const result of declined) expect(result.balanceTransaction).toBeNull();

    // Every charge once in the database, with one event each.
    const ids = [...made.keys()];
    const rows = (await service.dataSource.query(
      'SELECT id, account_id, currency FROM charges WHERE id IN (?)',
      [ids],
    )) as Array<{ id: string; account_id: string; currency: string }>;
    expect(rows).toHaveLength(38);
    const events = [
      ...(await recordedEvents<{ chargeId: string }>(service, 'charge.succeeded')),
      ...(await recordedEvents<{ chargeId: string }>(service, 'charge.failed')),
    ].filter((event) => made.has(event.data.chargeId));
    expect(events.map((event) => event.data.chargeId).sort()).toEqual(ids.sort());

    // Each account's pending balance is the sum of its own charges' nets, per currency.
    for (const account of ACCOUNTS)
      for (const currency of ['usd', 'eur']) {
        const mine = rows.filter((row) => row.account_id === account && row.currency === currency);
        const net = mine.reduce(
          (sum, row) => sum + (made.get(row.id)!.balanceTransaction?.net ?? 0),
          0,
        );
        expect(
          (await balanceOf(service, account, currency)).pending,
          `${account} ${currency}`,
        ).toBe(net);
      }
    await expectLedgerHolds(service);
  });
});
