import { setImmediate as nextTurn } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource } from '@dash/db';
import { AccountDirectory, markAccountClosed, ONBOARDED, rememberAccount } from '@dash/subgraph';
import { startTestService, TEST_SECRET_KEYS, type TestService } from '@dash/subgraph/testing';
import { DashError } from '@dash/errors';
import { payoutsService } from '../src/index.js';

/** Nothing answers here: an account the service has not kept cannot be learnt. */
const IDENTITY_DOWN = 'http://127.0.0.1:9/graphql';

/** A directory of its own on `dataSource`, with identity unreachable. */
const directoryOn = (dataSource: DataSource, options: { recentMs?: number } = {}) =>
  new AccountDirectory(dataSource, IDENTITY_DOWN, TEST_SECRET_KEYS, 'payouts', options);

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

/**
 * A data source of its own on a pool of one connection, whose uses are counted: one per
 * statement.
 */
async function countingDataSource() {
  const dataSource = createDataSource({
    url: service.config.mysqlUrl,
    database: service.config.database,
    entities: [],
    migrations: [],
    poolSize: 1,
  });
  await dataSource.initialize();
  const driver = dataSource.driver as unknown as {
    obtainMasterConnection(): Promise<{ release(): void }>;
  };
  const obtain = driver.obtainMasterConnection.bind(driver);
  const statements = { count: 0 };
  driver.obtainMasterConnection = () => {
    statements.count += 1;
    return obtain();
  };
  return { dataSource, driver, statements };
}

describe('the account directory read in bursts', () => {
  it('answers each of many owners asked at once with its own row, whatever the order', async () => {
    const directory = directoryOn(service.dataSource);
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
    // The test holds the directory's one connection first, so the first read waits for it
    // while the other questions arrive.
    const { dataSource: own, driver, statements } = await countingDataSource();
    try {
      const held = await driver.obtainMasterConnection();
      statements.count = 0;
      const directory = directoryOn(own);
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
      expect(statements.count).toBe(2);
    } finally {
      await own.destroy();
    }
  });
});

describe('who owns an account, kept for reads', () => {
  const platformA = { platformId: 'plat_dir_a', livemode: false };
  const platformB = { platformId: 'plat_dir_b', livemode: false };
  const platformALive = { platformId: 'plat_dir_a', livemode: true };
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('is read once, long after the seconds money checks are kept, and only ever answers its owner', async () => {
    const { dataSource: own, statements } = await countingDataSource();
    try {
      // Closure and capabilities kept for 20 ms here, instead of seconds.
      const directory = directoryOn(own, { recentMs: 20 });
      const ids = kept.map((account) => account.accountId);
      // Every platform and mode asks for every account, all at once, in any order: a colluding
      // platform asking right after the owner, while the owner's answer is being kept.
      const askAll = () =>
        Promise.all(
          [platformA, platformB, platformALive]
            .flatMap((platform) => ids.map((accountId) => ({ platform, accountId })))
            .sort(() => Math.random() - 0.5)
            .map(async ({ platform, accountId }) => ({
              platform,
              accountId,
              owner: await directory.belongsTo(platform, accountId),
            })),
        );
      const answersAreOwners = (answers: Awaited<ReturnType<typeof askAll>>) => {
        for (const { platform, accountId, owner } of answers) {
          const account = kept.find((row) => row.accountId === accountId)!;
          const owns =
            account.platformId === platform.platformId && account.livemode === platform.livemode;
          expect(owner, `${platform.platformId}/${platform.livemode} ${accountId}`).toEqual(
            owns ? account : null,
          );
        }
      };
      answersAreOwners(await askAll());
      const first = statements.count;
      expect(first).toBeGreaterThan(0);

      await pause(60);
      answersAreOwners(await askAll());
      // Ownership never changes: the second round, past the money window, read nothing, and
      // neither does asking whose an account is (an email in its platform's colours).
      for (const account of kept)
        expect(await directory.platformOf(account.accountId)).toBe(account.platformId);
      expect(statements.count).toBe(first);

      // Money is not decided on it: past the window, opening an account reads its row afresh.
      await directory.openAccountOf(platformA, 'acct_dir_a0');
      expect(statements.count).toBeGreaterThan(first);
    } finally {
      await own.destroy();
    }
  });

  it('still lets a closed account be read, and refuses money for it once the window has passed', async () => {
    const directory = directoryOn(service.dataSource, { recentMs: 20 });
    const closing = kept[9]!;
    expect(await directory.belongsTo(platformA, closing.accountId)).toEqual(closing);
    await directory.openAccountOf(platformA, closing.accountId);
    await markAccountClosed(service.dataSource.manager, closing.accountId);
    await pause(60);
    expect(await directory.belongsTo(platformA, closing.accountId)).toEqual(closing);
    await expect(directory.openAccountOf(platformA, closing.accountId)).rejects.toMatchObject({
      extensions: { reason: 'ACCOUNT_CLOSED' },
    });
  });
});
