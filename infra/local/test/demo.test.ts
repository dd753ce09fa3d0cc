import { describe, expect, it } from 'vitest';
import { buildDemoData, DEMO_ACCOUNT } from '../src/index.js';

const DAY = 24 * 3600 * 1000;
const netOf = (amount: number) => amount - (Math.round(amount * 0.029) + 30);

describe('demo data', () => {
  const now = new Date('2026-11-24T12:00:00Z');
  const demo = buildDemoData(now);
  const rides = demo.charges.filter((charge) => charge.accountId === DEMO_ACCOUNT.id);

  it('is the same every time for the same moment', () => {
    expect(buildDemoData(now)).toEqual(demo);
  });

  it('never pays out more than had settled by then', () => {
    expect(demo.payouts.length).toBeGreaterThanOrEqual(12);
    let paid = 0;
    for (const payout of demo.payouts) {
      paid += payout.amount;
      const settled = rides
        .filter((ride) => ride.createdAt.getTime() + 2 * DAY <= payout.createdAt.getTime())
        .reduce((sum, ride) => sum + netOf(ride.amount), 0);
      expect(paid).toBeLessThanOrEqual(settled);
    }
  });

  it('leaves recent rides pending and a payout on the way', () => {
    expect(rides.some((ride) => ride.createdAt.getTime() + 2 * DAY > now.getTime())).toBe(true);
    expect(demo.payouts.some((payout) => payout.status === 'in_transit')).toBe(true);
  });

  it('disputes payments that exist, for no more than each was', () => {
    const amounts = new Map(demo.charges.map((charge) => [charge.id, charge.amount]));
    for (const dispute of demo.disputes) {
      expect(amounts.has(dispute.chargeId)).toBe(true);
      expect(dispute.amount).toBeLessThanOrEqual(amounts.get(dispute.chargeId)!);
    }
  });
});
