import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChargeFacts } from '@dash/events';
import type { TestService } from '@dash/subgraph/testing';
import { charge, newKey, recordedEvents, startLedger } from './support.js';

let service: TestService;

beforeAll(async () => {
  service = await startLedger(['acct_ada', 'acct_bob']);
});
afterAll(() => service.close());

/** When the charge was made, as its row keeps it. */
async function createdOf(chargeId: string): Promise<string> {
  const [row] = (await service.dataSource.query('SELECT created_at FROM charges WHERE id = ?', [
    chargeId,
  ])) as Array<{ created_at: Date }>;
  return row!.created_at.toISOString();
}

const eventsOfCharge = async <Data extends ChargeFacts>(type: string, chargeId: string) =>
  (await recordedEvents<Data>(service, type)).filter((event) => event.data.chargeId === chargeId);

describe('a charge records its event in its own transaction', () => {
  it('a card that goes through records one charge.succeeded with the charge’s facts', async () => {
    const response = await charge(service, {
      account: 'acct_bob',
      amount: 10_000,
      applicationFeeAmount: 200,
      description: 'Order 1001',
    });
    const made = response.data!.createCharge;
    // 2.9% + 30 for processing, and the platform's 200.
    expect(made.fee).toBe(520);
    const events = await eventsOfCharge('charge.succeeded', made.id);
    expect(events).toEqual([
      expect.objectContaining({
        accountId: 'acct_bob',
        platformId: 'plat_a',
        livemode: false,
        source: 'ledger',
        data: {
          chargeId: made.id,
          amount: 10_000,
          currency: 'usd',
          fee: made.fee,
          applicationFeeAmount: 200,
          description: 'Order 1001',
          created: await createdOf(made.id),
        },
      }),
    ]);
    expect(await eventsOfCharge('charge.failed', made.id)).toEqual([]);
  });

  it('the same idempotency key, 20 times in parallel, makes one charge and one event', async () => {
    const key = newKey();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => charge(service, { amount: 2_500 }, undefined, key)),
    );
    const ids = new Set(responses.map((response) => response.data?.createCharge.id));
    expect(ids.size).toBe(1);
    const [chargeId] = [...ids] as [string];
    expect(chargeId).toMatch(/^ch_/);
    expect(await eventsOfCharge('charge.succeeded', chargeId)).toEqual([
      expect.objectContaining({
        accountId: 'acct_ada',
        data: expect.objectContaining({ chargeId, amount: 2_500 }),
      }),
    ]);
    // Once more, after the first has long committed: the replay records nothing either.
    await charge(service, { amount: 2_500 }, undefined, key);
    expect(await eventsOfCharge('charge.succeeded', chargeId)).toHaveLength(1);
  });

  it('a declined card records charge.failed, with no fee and the decline’s message', async () => {
    const response = await charge(service, {
      amount: 4_000,
      cardLast4: '0002',
      cardBrand: 'visa',
      applicationFeeAmount: 100,
    });
    const made = response.data!.createCharge;
    expect(made.status).toBe('failed');
    expect(await eventsOfCharge('charge.failed', made.id)).toEqual([
      expect.objectContaining({
        accountId: 'acct_ada',
        platformId: 'plat_a',
        livemode: false,
        data: {
          chargeId: made.id,
          amount: 4_000,
          currency: 'usd',
          fee: 0,
          applicationFeeAmount: 0,
          description: null,
          created: await createdOf(made.id),
          failureMessage: 'Your card was declined.',
        },
      }),
    ]);
    expect(await eventsOfCharge('charge.succeeded', made.id)).toEqual([]);
  });

  it('a charge refused before it is made (fees above the amount) records nothing', async () => {
    const before = (await recordedEvents(service, 'charge.succeeded')).length;
    const response = await charge(service, { amount: 100, applicationFeeAmount: 90 });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await recordedEvents(service, 'charge.succeeded')).toHaveLength(before);
  });
});
