import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource } from '@dash/db';
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

describe('the account directory under a stream of charges', () => {
  it('reads the owners asked while a read is under way together, each answered with its own', async () => {
    // The directory on a pool of one connection of its own, whose uses are counted: one per
    // statement. The test holds that connection first, so the first read waits for it while
    // the other questions arrive.
    const own = createDataSource({
      url: service.config.mysqlUrl,
      database: service.config.database,
      entities: [],
      migrations: [],
      poolSize: 1,
    });
    await own.initialize();
    try {
      const driver = own.driver as unknown as {
        obtainMasterConnection(): Promise<{ release(): void }>;
      };
      const held = await driver.obtainMasterConnection();
      const obtain = driver.obtainMasterConnection.bind(driver);
      let statements = 0;
      driver.obtainMasterConnection = () => {
        statements += 1;
        return obtain();
      };
      const directory = new AccountDirectory(own, IDENTITY_DOWN, TEST_SECRET_KEYS, 'payouts');
      const platformA = { platformId: 'plat_dir_a', livemode: false };
      const asked = kept.map((account) => account.accountId);

      // As a platform's concurrent charges arrive: each in a turn of the event loop of its own,
      // none waiting for the one before.
      const answers: Array<Promise<string | null>> = [];
      for (const accountId of asked) {
        answers.push(
          directory.belongsTo(platformA, accountId).then((owner) => owner?.accountId ?? null),
        );
        await nextTurn();
      }
      held.release();

      const owners = await Promise.all(answers);
      asked.forEach((accountId, index) =>
        expect(owners[index]).toBe(
          accountId.startsWith('acct_dir_a') && !accountId.endsWith('live') ? accountId : null,
        ),
      );
      // One statement a turn would be one an account: the first turn's read, then every turn
      // that arrived while it waited, together.
      expect(statements).toBe(2);
    } finally {
      await own.destroy();
    }
  });
});
