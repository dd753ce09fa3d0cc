import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountReference, startTestService, type TestService } from '@dash/subgraph/testing';
import { DEFAULT_FEE_SCHEDULE, processingFee } from '../src/charge/fees.rules.js';
import { ledgerService } from '../src/index.js';
import {
  BALANCES,
  charge,
  expectLedgerHolds,
  knownAccounts,
  platformA,
  REFUND,
  TRANSFER,
} from './support.js';

let service: TestService;

type Op =
  | { kind: 'charge'; account: number; amount: number }
  | { kind: 'transfer'; account: number; amount: number }
  | { kind: 'refund'; charge: number; amount: number | undefined };

const ACCOUNTS = 4;
const movement = fc.oneof(
  fc.record({
    kind: fc.constant('charge' as const),
    account: fc.nat(ACCOUNTS - 1),
    amount: fc.integer({ min: 100, max: 50_000 }),
  }),
  fc.record({
    kind: fc.constant('transfer' as const),
    account: fc.nat(ACCOUNTS - 1),
    amount: fc.integer({ min: 1, max: 20_000 }),
  }),
);
const refund = fc.record({
  kind: fc.constant('refund' as const),
  charge: fc.nat(1_000),
  amount: fc.option(fc.integer({ min: 1, max: 30_000 }), { nil: undefined }),
});

/** Runs `tasks` with at most `limit` in flight, like many API clients at once. */
async function inParallel<T>(tasks: Array<() => Promise<T>>, limit = 16): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < tasks.length) {
        const index = next++;
        results[index] = await tasks[index]!();
      }
    }),
  );
  return results;
}

/** Each request, and for some a second send with the same key (a client's retry). */
function withRetries<T>(requests: T[], retried: boolean[]): Array<{ request: T; key: number }> {
  return requests.flatMap((request, key) =>
    retried[key % retried.length]
      ? [
          { request, key },
          { request, key },
        ]
      : [{ request, key }],
  );
}

beforeAll(async () => {
  service = await startTestService(ledgerService);
});
afterAll(() => service.close());

describe('the ledger under concurrent, retried traffic', () => {
  it('ends exactly where the same operations applied one by one end', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(movement, { minLength: 20, maxLength: 60 }),
        fc.array(refund, { minLength: 10, maxLength: 40 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 10 }),
        fc.integer(),
        async (movements, refunds, retried, seed) => {
          const prefix = randomUUID().slice(0, 8);
          const accounts = Array.from({ length: ACCOUNTS }, (_, i) => `acct_${prefix}_${i}`);
          await knownAccounts(
            service,
            accounts.map((id) => ({ id, platformId: 'plat_a' })),
          );
          const keyOf = (phase: string, key: number) => `${prefix}-${phase}-${key}`;
          const shuffle = <T>(items: T[]) => {
            let state = seed;
            const copy = [...items];
            for (let i = copy.length - 1; i > 0; i -= 1) {
              state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
              const j = Math.abs(state) % (i + 1);
              [copy[i], copy[j]] = [copy[j]!, copy[i]!];
            }
            return copy;
          };

          // Phase 1: charges and transfers, some sent twice with the same key, all at once.
          const phase1 = shuffle(withRetries(movements, retried));
          const moved = await inParallel(
            phase1.map(({ request, key }) => async () => {
              const idempotencyKey = keyOf('move', key);
              if (request.kind === 'charge') {
                const response = await charge(
                  service,
                  { account: accounts[request.account], amount: request.amount },
                  platformA,
                  idempotencyKey,
                );
                return { key, id: response.data?.createCharge.id, error: response.errors?.[0] };
              }
              const response = await service.query<{ createTransfer: { id: string } }>(
                TRANSFER,
                {
                  input: {
                    account: accounts[request.account],
                    amount: request.amount,
                    currency: 'usd',
                  },
                  key: idempotencyKey,
                },
                platformA,
              );
              return { key, id: response.data?.createTransfer.id, error: response.errors?.[0] };
            }),
          );
          expect(moved.filter((result) => result.error)).toEqual([]);
          // A retried key returned the very same object.
          const idByKey = new Map<number, string>();
          for (const result of moved) {
            if (idByKey.has(result.key)) expect(result.id).toBe(idByKey.get(result.key));
            idByKey.set(result.key, result.id!);
          }

          // Phase 2: refunds of those charges, many per charge and some retried, all at once.
          const charges = movements
            .map((op, key) => ({ op, id: idByKey.get(key)! }))
            .filter(
              (entry): entry is { op: Extract<Op, { kind: 'charge' }>; id: string } =>
                entry.op.kind === 'charge',
            );
          const refundRequests = charges.length
            ? refunds.map((r) => ({ ...r, target: charges[r.charge % charges.length]! }))
            : [];
          const phase2 = shuffle(withRetries(refundRequests, retried));
          const refunded = await inParallel(
            phase2.map(({ request, key }) => async () => {
              const response = await service.query<{
                createRefund: { id: string; amount: number };
              }>(
                REFUND,
                {
                  input: {
                    charge: request.target.id,
                    ...(request.amount ? { amount: request.amount } : {}),
                  },
                  key: keyOf('refund', key),
                },
                platformA,
              );
              return {
                key,
                request,
                refund: response.data?.createRefund,
                error: response.errors?.[0],
              };
            }),
          );

          // The serial model: what the successful operations add up to.
          const expected = new Map(accounts.map((id) => [id, 0]));
          const refundedOf = new Map<string, number>();
          const seenKeys = new Set<number>();
          for (const op of movements) {
            const id = accounts[op.account]!;
            const net =
              op.kind === 'charge'
                ? op.amount - processingFee(op.amount, 'usd', DEFAULT_FEE_SCHEDULE)
                : op.amount;
            expected.set(id, expected.get(id)! + net);
          }
          for (const result of refunded) {
            if (!result.refund || seenKeys.has(result.key)) continue;
            seenKeys.add(result.key);
            const { target } = result.request;
            refundedOf.set(target.id, (refundedOf.get(target.id) ?? 0) + result.refund.amount);
            const account = accounts[target.op.account]!;
            expected.set(account, expected.get(account)! - result.refund.amount);
          }
          for (const { op, id } of charges)
            expect(refundedOf.get(id) ?? 0).toBeLessThanOrEqual(op.amount);
          // A refused refund was refused for a reason that still holds at the end.
          for (const result of refunded.filter((r) => r.error)) {
            expect(['REFUND_EXCEEDS_CHARGE', 'ALREADY_REFUNDED']).toContain(
              result.error!.extensions?.reason,
            );
            const { target } = result.request;
            const left = target.op.amount - (refundedOf.get(target.id) ?? 0);
            if (result.request.amount === undefined) expect(left).toBe(0);
            else expect(result.request.amount).toBeGreaterThan(left);
          }

          for (const id of accounts) {
            const response = await service.query<{
              _entities: Array<{ balances: Array<{ total: number }> }>;
            }>(BALANCES, accountReference(id), platformA);
            const total = response.data!._entities[0]!.balances.reduce(
              (sum, b) => sum + b.total,
              0,
            );
            expect(total, id).toBe(expected.get(id));
          }
          await expectLedgerHolds(service);
        },
      ),
      { numRuns: 4 },
    );
  }, 120_000);
});
