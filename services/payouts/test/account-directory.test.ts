import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountDirectory, ONBOARDED, rememberAccount } from '@dash/subgraph';
import { startTestService, TEST_SECRET_KEYS, type TestService } from '@dash/subgraph/testing';
import { DashError } from '@dash/errors';
import { payoutsService } from '../src/index.js';

/** Nothing answers here: an account the service has not kept cannot be learnt. */
const IDENTITY_DOWN = 'http://127.0.0.1:9/graphql';

let service: TestService;

const kept = [
  ...Array.from({ length: 10 }, (_, i) => ({
    accountId: `acct_dir_a${i}`,
    platformId: 'plat_dir_a',
    livemode: false,
  })),
  ...Array.from({ length: 10 }, (_, i) => ({
    accountId: `acct_dir_b${i}`,
    platformId: 'plat_dir_b',
    livemode: false,
  })),
  { accountId: 'acct_dir_a_live', platformId: 'plat_dir_a', livemode: true },
];

beforeAll(async () => {
  service = await startTestService(payoutsService, { DASH_PAYOUT_TICK_MS: '3600000' });
  await service.dataSource.transaction(async (manager) => {
    for (const account of kept) await rememberAccount(manager, account, ONBOARDED);
  });
});
afterAll(async () => {
  await service?.close();
});

describe('the account directory read in bursts', () => {
  it('answers each of many owners asked at once with its own row, whatever the order', async () => {
    const directory = new AccountDirectory(
      service.dataSource,
      IDENTITY_DOWN,
      TEST_SECRET_KEYS,
      'payouts',
    );
    const platformA = { platformId: 'plat_dir_a', livemode: false };
    // Platform A's accounts twice, B's, A's live one and two nobody kept, shuffled together.
    const asked = [
      ...kept.map((account) => account.accountId),
      ...kept.slice(0, 10).map((account) => account.accountId),
      'acct_dir_unknown_1',
      'acct_dir_unknown_2',
    ].sort(() => Math.random() - 0.5);

    const answers = await Promise.all(
      asked.map((accountId) =>
        directory.belongsTo(platformA, accountId).then(
          (owner) => owner?.accountId ?? null,
          (error: DashError) => error.extensions.code,
        ),
      ),
    );

    answers.forEach((answer, index) => {
      const accountId = asked[index]!;
      if (accountId.startsWith('acct_dir_a') && !accountId.endsWith('live'))
        expect(answer).toBe(accountId);
      else if (accountId.includes('unknown')) expect(answer).toBe('UNAVAILABLE');
      else expect(answer).toBeNull();
    });
  });
});
