import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource, EntityManager } from 'typeorm';
import { createDataSource } from '@dash/db';
import { createTestDatabase, type TestDatabase } from '@dash/testing';
import { DashError } from '@dash/errors';
import { IDEMPOTENCY_KEYS_TABLE, IdempotencyKeys, type IdempotentRequest } from '../src/index.js';

/**
 * The one idempotency mechanism, attacked as a retrying client would: the same key many times
 * at once, the same key with other parameters, a refused saga step racing a retry.
 */
let db: TestDatabase;
let dataSource: DataSource;
let keys: IdempotencyKeys;
let counter = 0;

beforeAll(async () => {
  db = await createTestDatabase('idempotency');
  dataSource = createDataSource({
    url: db.url,
    database: db.database,
    entities: [],
    migrations: [],
    poolSize: 20,
  });
  await dataSource.initialize();
  await dataSource.query(IDEMPOTENCY_KEYS_TABLE);
  await dataSource.query('CREATE TABLE results (id VARCHAR(40) PRIMARY KEY, amount INT NOT NULL)');
  keys = new IdempotencyKeys(dataSource);
});

afterAll(async () => {
  await dataSource.destroy();
  await db.drop();
});

const request = (key: string, params: unknown = { amount: 100 }): IdempotentRequest => ({
  scope: 'plat_a:test',
  key,
  operation: 'createThing',
  params,
  resultId: `res_${(counter += 1)}`,
});

/** Runs a request whose work answers `value`; a replay answers the first result's id. */
const doneOrReplayed = (req: IdempotentRequest, value: string) =>
  keys.once(
    req,
    async () => value,
    async (id) => id,
  );

const countOf = async (table: string) =>
  Number(
    ((await dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`)) as Array<{ n: string }>)[0]!.n,
  );

describe('once', () => {
  it('does the work once for 30 simultaneous requests with one key, and all get its result', async () => {
    const before = await countOf('results');
    const results = await Promise.all(
      Array.from({ length: 30 }, () => {
        const req = request('k-parallel');
        return keys.once(
          req,
          async (manager) => {
            await manager.query('INSERT INTO results (id, amount) VALUES (?, 100)', [req.resultId]);
            return req.resultId;
          },
          async (id) => id,
        );
      }),
    );
    expect(new Set(results).size).toBe(1);
    expect((await countOf('results')) - before).toBe(1);
  });

  it('refuses the same key with other parameters, or for another operation', async () => {
    const work = async () => 'done';
    await keys.once(request('k-params'), work, async (id) => id);
    const other = keys.once(request('k-params', { amount: 101 }), work, async (id) => id);
    await expect(other).rejects.toMatchObject({
      extensions: { code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED' },
    });
    const otherOperation = keys.once(
      { ...request('k-params'), operation: 'createOther' },
      work,
      async (id) => id,
    );
    await expect(otherOperation).rejects.toBeInstanceOf(DashError);
  });

  it('frees the key when the work fails, so a corrected retry goes through', async () => {
    const failing = keys.once(
      request('k-fails'),
      async () => {
        throw new DashError('BAD_USER_INPUT', 'no');
      },
      async (id) => id,
    );
    await expect(failing).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    const retried = request('k-fails');
    await expect(doneOrReplayed(retried, 'ok')).resolves.toBe('ok');
  });

  it('refuses a key longer than 255 characters before touching the table', async () => {
    await expect(
      keys.once(
        request('x'.repeat(256)),
        async () => 'never',
        async (id) => id,
      ),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });
});

describe('onceAll: a batch of requests in one transaction', () => {
  const insertResults = (requests: IdempotentRequest[]) => async (manager: EntityManager) => {
    for (const req of requests)
      await manager.query('INSERT INTO results (id, amount) VALUES (?, 1)', [req.resultId]);
    return requests.map((req) => req.resultId);
  };

  it('claims every key with the work, and the batch replays key by key through once', async () => {
    const batch = ['k-batch-1', 'k-batch-2', 'k-batch-3'].map((key) => request(key));
    await expect(keys.onceAll(batch, insertResults(batch))).resolves.toEqual(
      batch.map((req) => req.resultId),
    );
    const replayed = await doneOrReplayed(request('k-batch-2'), 'never');
    expect(replayed).toBe(batch[1]!.resultId);
  });

  it('writes nothing when one key was used before, nor when a key comes twice', async () => {
    await doneOrReplayed(request('k-batch-used'), 'first');
    const before = await countOf('results');
    const withUsed = [request('k-batch-fresh-1'), request('k-batch-used')];
    await expect(keys.onceAll(withUsed, insertResults(withUsed))).rejects.toThrow(/already used/);
    const twice = [request('k-batch-fresh-2'), request('k-batch-fresh-2')];
    await expect(keys.onceAll(twice, insertResults(twice))).rejects.toThrow(/already used/);
    expect(await countOf('results')).toBe(before);
    // The fresh keys stayed free: the batch's claims rolled back with it.
    const fresh = request('k-batch-fresh-1');
    await expect(doneOrReplayed(fresh, 'now')).resolves.toBe('now');
  });

  it('ten batches racing for overlapping keys: the work of each key is done exactly once', async () => {
    const before = await countOf('results');
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, batch) => {
        // Batch n holds keys n and n + 1: every key but the ends is wanted by two batches.
        const requests = [request(`k-race-${batch}`), request(`k-race-${batch + 1}`)];
        return keys.onceAll(requests, insertResults(requests));
      }),
    );
    const won = outcomes.filter((outcome) => outcome.status === 'fulfilled').length;
    expect(won).toBeGreaterThan(0);
    expect((await countOf('results')) - before).toBe(2 * won);
    const claimed = (await dataSource.query(
      "SELECT COUNT(*) AS n FROM idempotency_keys WHERE idempotency_key LIKE 'k-race-%'",
    )) as Array<{ n: string }>;
    expect(Number(claimed[0]!.n)).toBe(2 * won);
  });
});

describe('a saga: claim, then complete or release', () => {
  it('20 simultaneous claims of one key all carry the first plan', async () => {
    const claims = await Promise.all(
      Array.from({ length: 20 }, (_, index) => keys.claim(request('k-claim'), { planned: index })),
    );
    const plans = claims.map((claim) => (claim.state === 'started' ? claim.plan : null));
    expect(new Set(plans.map((plan) => JSON.stringify(plan))).size).toBe(1);
  });

  it('a release by a run holding an older plan never frees a newer claim of the same key', async () => {
    const first = request('k-release');
    await keys.claim(first, { plan: 1 });
    await keys.release({ scope: first.scope, key: first.key, resultId: first.resultId });
    const second = request('k-release');
    await keys.claim(second, { plan: 2 });
    // The first run, late, releases again: the second claim must survive it.
    await keys.release({ scope: first.scope, key: first.key, resultId: first.resultId });
    const again = await keys.claim(request('k-release'), { plan: 3 });
    expect(again).toEqual({ state: 'started', plan: { plan: 2 } });
  });

  it('completes once; a finished key replays its result; unfinished lists only started claims', async () => {
    const req = request('k-complete');
    await keys.claim(req, { plan: 'p' });
    const stuck = await keys.unfinished('createThing', new Date(Date.now() + 1000));
    expect(stuck.some((claim) => claim.key === 'k-complete')).toBe(true);
    const done = await Promise.all(
      Array.from({ length: 5 }, () =>
        dataSource.transaction((manager) =>
          keys.complete(manager, { scope: req.scope, key: req.key, resultId: req.resultId }),
        ),
      ),
    );
    expect(done.filter(Boolean)).toHaveLength(1);
    await expect(keys.claim(request('k-complete'), { plan: 'other' })).resolves.toEqual({
      state: 'done',
      resultId: req.resultId,
    });
    const after = await keys.unfinished('createThing', new Date(Date.now() + 1000));
    expect(after.some((claim) => claim.key === 'k-complete')).toBe(false);
  });

  it('expires finished keys after the retention period, never started ones', async () => {
    const old = new Date(Date.now() - 3 * 24 * 3600 * 1000);
    const aged = new IdempotencyKeys(dataSource, () => old);
    const finished = request('k-old-done');
    await aged.once(
      finished,
      async () => 'x',
      async (id) => id,
    );
    await aged.claim(request('k-old-started'), { plan: 'p' });
    await keys.expire();
    const left = (await dataSource.query(
      "SELECT idempotency_key FROM idempotency_keys WHERE idempotency_key LIKE 'k-old-%'",
    )) as Array<{ idempotency_key: string }>;
    expect(left.map((row) => row.idempotency_key)).toEqual(['k-old-started']);
  });
});
