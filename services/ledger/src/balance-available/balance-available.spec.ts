import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  availableFacts,
  planSweep,
  type BecameAvailable,
  type SweepBounds,
} from './balance-available.rules.js';

const start = Date.parse('2026-06-01T12:00:00Z');
const to = new Date(start + 60_000);
const row = (accountId: string, atMs: number, livemode = false): BecameAvailable => ({
  accountId,
  platformId: 'plat_a',
  livemode,
  availableOn: new Date(start + atMs),
});
const ids = (plan: ReturnType<typeof planSweep>) =>
  plan.kind === 'batch' ? plan.accounts.map((account) => account.accountId) : [];

describe('planSweep', () => {
  const bounds: SweepBounds = { maxAccounts: 2, maxRows: 5 };

  it('covers the window to its end when it read all the window holds', () => {
    const plan = planSweep([row('a', 1), row('b', 2), row('a', 3)], to, bounds);
    expect(plan).toEqual({ kind: 'batch', accounts: expect.any(Array), sweptTo: to });
    expect(ids(plan)).toEqual(['a', 'b']);
  });

  it('an empty window is covered at once, with nobody to report', () => {
    expect(planSweep([], to, bounds)).toEqual({ kind: 'batch', accounts: [], sweptTo: to });
  });

  it('stops before the moment that would bring one account too many', () => {
    const plan = planSweep([row('a', 1), row('b', 2), row('c', 3), row('a', 4)], to, bounds);
    expect(ids(plan)).toEqual(['a', 'b']);
    expect(plan).toMatchObject({ sweptTo: new Date(start + 2) });
  });

  it('never splits a moment: accounts sharing it are reported together or not at all', () => {
    const plan = planSweep([row('a', 1), row('b', 2), row('c', 2)], to, bounds);
    expect(ids(plan)).toEqual(['a']);
    expect(plan).toMatchObject({ sweptTo: new Date(start + 1) });
  });

  it('leaves the last moment read for later when there may be more of it than was read', () => {
    const plan = planSweep(
      [row('a', 1), row('a', 2), row('a', 3), row('b', 4), row('b', 4)],
      to,
      bounds,
    );
    expect(ids(plan)).toEqual(['a']);
    expect(plan).toMatchObject({ sweptTo: new Date(start + 3) });
  });

  it('tells one account in test mode from the same in live mode', () => {
    const plan = planSweep([row('a', 1), row('a', 2, true), row('b', 3)], to, bounds);
    expect(plan).toMatchObject({
      accounts: [{ livemode: false }, { livemode: true }],
      sweptTo: new Date(start + 2),
    });
  });

  it('takes a first moment too big for one batch whole', () => {
    expect(planSweep([row('a', 1), row('b', 1), row('c', 1)], to, bounds)).toEqual({
      kind: 'crowded',
      at: new Date(start + 1),
    });
    expect(
      planSweep(
        [1, 2, 3, 4, 5].map(() => row('a', 7)),
        to,
        bounds,
      ),
    ).toEqual({
      kind: 'crowded',
      at: new Date(start + 7),
    });
  });

  it('sweep after sweep, reports every account once for each moment, in bounded batches', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ account: fc.integer({ min: 0, max: 9 }), at: fc.nat(40) }), {
          maxLength: 60,
        }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 6 }),
        (made, maxAccounts, extraRows) => {
          const bounds = { maxAccounts, maxRows: maxAccounts + extraRows };
          const rows = made
            .map(({ account, at }) => row(`acct_${account}`, at))
            .sort((a, b) => a.availableOn.getTime() - b.availableOn.getTime());
          let from = new Date(start - 1);
          const reported: Array<{ accountId: string; from: Date; to: Date }> = [];
          for (let step = 0; from < to; step += 1) {
            expect(step).toBeLessThan(100);
            const window = rows.filter((r) => r.availableOn > from && r.availableOn <= to);
            const plan = planSweep(window.slice(0, bounds.maxRows), to, bounds);
            const sweptTo = plan.kind === 'batch' ? plan.sweptTo : plan.at;
            const accounts =
              plan.kind === 'batch'
                ? plan.accounts.map((account) => account.accountId)
                : [
                    ...new Set(
                      window
                        .filter((r) => r.availableOn.getTime() === plan.at.getTime())
                        .map((r) => r.accountId),
                    ),
                  ];
            expect(sweptTo > from).toBe(true);
            if (plan.kind === 'batch') expect(accounts.length).toBeLessThanOrEqual(maxAccounts);
            const covered = window.filter((r) => r.availableOn <= sweptTo);
            // Exactly the accounts of the rows it moved past, each once.
            expect(new Set(accounts)).toEqual(new Set(covered.map((r) => r.accountId)));
            expect(accounts.length).toBe(new Set(accounts).size);
            for (const accountId of accounts) reported.push({ accountId, from, to: sweptTo });
            from = sweptTo;
          }
          // Every row was reported by the one sweep whose window it fell in.
          for (const r of rows)
            expect(
              reported.filter(
                (report) =>
                  report.accountId === r.accountId &&
                  r.availableOn > report.from &&
                  r.availableOn <= report.to,
              ),
            ).toHaveLength(1);
        },
      ),
    );
  });
});

describe('availableFacts', () => {
  it('lists available and pending per currency', () => {
    expect(
      availableFacts([
        { currency: 'eur', available: 100, pending: 0 },
        { currency: 'usd', available: -50, pending: 900 },
      ]),
    ).toEqual({
      available: [
        { amount: 100, currency: 'eur' },
        { amount: -50, currency: 'usd' },
      ],
      pending: [
        { amount: 0, currency: 'eur' },
        { amount: 900, currency: 'usd' },
      ],
    });
  });
});
