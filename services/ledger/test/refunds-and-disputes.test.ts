import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DISPUTE_INQUIRY_PATH,
  DISPUTE_REINSTATEMENT_PATH,
  type DisputeRegistration,
  type LedgerMovement,
} from '@dash/contracts';
import { DashError } from '@dash/subgraph';
import type { TestService } from '@dash/subgraph/testing';
import { ledgerInvariants } from '../src/index.js';
import { releaseDue } from '../src/postings/release.service.js';
import {
  charge,
  command,
  DAY,
  newKey,
  platformA,
  REFUND,
  startLedger,
  uniqueId,
  withdrawForDispute,
} from './support.js';

let service: TestService;
const call = <T>(path: string, body: object) => command<T>(service, 'disputes', path, body);

const chargeback = (chargeId: string, amount: number, disputeId = uniqueId('dp')) =>
  withdrawForDispute(service, chargeId, { disputeId, amount });
const inquiry = (chargeId: string, amount: number, disputeId = uniqueId('dp')) =>
  call<DisputeRegistration>(DISPUTE_INQUIRY_PATH, {
    disputeId,
    chargeId,
    platformId: 'plat_a',
    livemode: false,
    amount,
  });

/** A refund as the platform asks for it; answers the refund or the refusal's reason. */
async function refund(chargeId: string, amount?: number) {
  const response = await service.query<{ createRefund: { id: string; amount: number } }>(
    REFUND,
    { input: { charge: chargeId, ...(amount ? { amount } : {}) }, key: newKey() },
    platformA,
  );
  return response.data?.createRefund ?? { refused: response.errors?.[0]?.extensions?.reason };
}

const reasonOf = (error: unknown) =>
  error instanceof DashError ? error.extensions.reason : String(error);

async function chargeRow(chargeId: string) {
  const [row] = (await service.dataSource.query(
    'SELECT amount, amount_refunded, disputed_amount, dispute_id, dispute_status FROM charges WHERE id = ?',
    [chargeId],
  )) as Array<Record<string, string | null>>;
  return {
    amount: Number(row!.amount),
    refunded: Number(row!.amount_refunded),
    disputed: Number(row!.disputed_amount),
    disputeId: row!.dispute_id,
    disputeStatus: row!.dispute_status,
  };
}

async function settledCharge(amount = 10_000) {
  const made = await charge(service, { account: 'acct_rd', amount });
  await releaseDue(service.dataSource, new Date(Date.now() + 3 * DAY));
  return made.data!.createCharge.id;
}

beforeAll(async () => {
  service = await startLedger(['acct_rd']);
});
afterAll(() => service.close());

describe('refunds and disputes of one payment', () => {
  it('30 parallel full refunds racing a chargeback: the payment goes back once, never twice', async () => {
    const outcomes = { disputeWon: 0, refundWon: 0 };
    for (let round = 0; round < 4; round += 1) {
      const chargeId = await settledCharge();
      const [dispute, ...refunds] = await Promise.all([
        chargeback(chargeId, 10_000).then(
          (taken) => ({ taken }),
          (error: unknown) => ({ refused: reasonOf(error) }),
        ),
        ...Array.from({ length: 30 }, () => refund(chargeId)),
      ]);
      const refunded = refunds.filter((answer) => 'id' in answer);
      const row = await chargeRow(chargeId);
      // Whichever came first, the other found nothing left to take.
      expect(row.refunded + row.disputed).toBeLessThanOrEqual(row.amount);
      if ('taken' in dispute) {
        outcomes.disputeWon += 1;
        expect(refunded).toHaveLength(0);
        expect(new Set(refunds.map((answer) => 'refused' in answer && answer.refused))).toEqual(
          new Set(['CHARGE_DISPUTED']),
        );
      } else {
        outcomes.refundWon += 1;
        expect(dispute.refused).toBe('NOT_DISPUTABLE');
        expect(refunded).toHaveLength(1);
      }
    }
    expect(outcomes.disputeWon + outcomes.refundWon).toBe(4);
    const invariants = await ledgerInvariants(service.dataSource);
    expect(invariants.badRefunds).toEqual([]);
    expect(invariants.ok).toBe(true);
  });

  it('refuses any refund of a charged-back payment, partial or full, and after it is lost', async () => {
    const chargeId = await settledCharge();
    await chargeback(chargeId, 4_000);
    expect(await refund(chargeId)).toEqual({ refused: 'CHARGE_DISPUTED' });
    expect(await refund(chargeId, 1_000)).toEqual({ refused: 'CHARGE_DISPUTED' });
    // The 6,000 nobody disputed stays with the account; nothing went back to the cardholder twice.
    expect(await chargeRow(chargeId)).toMatchObject({ refunded: 0, disputed: 4_000 });
    expect((await ledgerInvariants(service.dataSource)).ok).toBe(true);
  });

  it('a won chargeback gives the payment back to refund', async () => {
    const chargeId = await settledCharge();
    const taken = await chargeback(chargeId, 10_000, 'dp_wins');
    await call<LedgerMovement>(DISPUTE_REINSTATEMENT_PATH, {
      disputeId: 'dp_wins',
      balanceTransactionId: taken.balanceTransactionId,
      returnFee: false,
      description: 'Won',
    });
    expect(await chargeRow(chargeId)).toMatchObject({ disputed: 0, disputeStatus: 'won' });
    expect(await refund(chargeId, 2_500)).toMatchObject({ amount: 2_500 });
    expect((await ledgerInvariants(service.dataSource)).ok).toBe(true);
  });

  it('an inquiry is closed by a full refund only; a partial one is refused', async () => {
    const chargeId = await settledCharge();
    await refund(chargeId, 1_000);
    await inquiry(chargeId, 9_000, 'dp_inquiry');
    expect(await refund(chargeId, 500)).toEqual({ refused: 'CHARGE_DISPUTED' });
    // In parallel: only one full refund gets the 9,000 that is left.
    const answers = await Promise.all(Array.from({ length: 10 }, () => refund(chargeId)));
    expect(answers.filter((answer) => 'id' in answer)).toEqual([
      expect.objectContaining({ amount: 9_000 }),
    ]);
    expect(await chargeRow(chargeId)).toMatchObject({
      refunded: 10_000,
      disputeStatus: 'warning_closed',
    });
    const events = (await service.dataSource.query(
      "SELECT data FROM outbox_events WHERE type = 'charge.refunded' AND data LIKE ?",
      [`%${chargeId}%`],
    )) as Array<{ data: string }>;
    const closing = events.map(
      (event) => (JSON.parse(event.data) as { data: { closesDispute?: string } }).data,
    );
    expect(closing.filter((data) => data.closesDispute === 'dp_inquiry')).toHaveLength(1);
    // The payment has its one dispute; another is refused, and nothing is left to dispute.
    await expect(chargeback(chargeId, 1)).rejects.toSatisfy(
      (error) => reasonOf(error) === 'ALREADY_DISPUTED',
    );
  });

  it('a dispute and an inquiry of one payment: the first one registered wins', async () => {
    const chargeId = await settledCharge();
    const answers = await Promise.allSettled([
      inquiry(chargeId, 10_000),
      chargeback(chargeId, 10_000),
      inquiry(chargeId, 10_000),
    ]);
    expect(answers.filter((answer) => answer.status === 'fulfilled')).toHaveLength(1);
    expect((await ledgerInvariants(service.dataSource)).ok).toBe(true);
  });
});
