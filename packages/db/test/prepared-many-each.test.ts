import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Column,
  Entity,
  PrimaryColumn,
  type DataSource,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';
import {
  bigintColumn,
  bucketed,
  createDataSource,
  datetimeColumn,
  dropDatabase,
  migrateDatabase,
  preparedMany,
  preparedManyEach,
} from '../src/index.js';

// This package sits below @dash/testing, so it names its own throwaway database.
const serverUrl = process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const database = `test_many_each_${randomBytes(4).toString('hex')}`;

@Entity('entries')
class Entry {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id!: string;

  @Column({ type: 'varchar', length: 32 })
  owner!: string;

  @Column(bigintColumn())
  amount!: number;

  @Column({ type: 'boolean' })
  livemode!: boolean;

  @Column(datetimeColumn({ name: 'created_at' }))
  createdAt!: Date;

  // A TEXT column, as a transaction's description: what sends a sorted union to disk.
  @Column({ type: 'text', nullable: true })
  note!: string | null;
}

class CreateEntries1700000000000 implements MigrationInterface {
  name = 'CreateEntries1700000000000';
  async up(runner: QueryRunner) {
    await runner.query(
      `CREATE TABLE entries (id VARCHAR(32) PRIMARY KEY, owner VARCHAR(32) NOT NULL,
        amount BIGINT NOT NULL, livemode BOOLEAN NOT NULL, created_at DATETIME(3) NOT NULL,
        note TEXT NULL, INDEX by_owner (owner, livemode, created_at, id))`,
    );
  }
  async down(runner: QueryRunner) {
    await runner.query('DROP TABLE entries');
  }
}

const options = {
  url: serverUrl,
  database,
  entities: [Entry],
  migrations: [CreateEntries1700000000000],
};
let dataSource: DataSource;

/** An owner's entries in one mode, newest first, as a page orders them. */
const byOwner = (owner: string, livemode: boolean, source = dataSource) =>
  source
    .getRepository(Entry)
    .createQueryBuilder('entry')
    .where('entry.owner = :owner AND entry.livemode = :livemode', { owner, livemode })
    .orderBy('entry.created_at', 'DESC')
    .addOrderBy('entry.id', 'DESC');

/** An owner's newest entries in one mode, as a page reads them. */
const newest = (owner: string, livemode: boolean, take: number) =>
  byOwner(owner, livemode).take(take);

beforeAll(async () => {
  await migrateDatabase(options);
  dataSource = createDataSource(options);
  await dataSource.initialize();
  const start = Date.parse('2026-01-01T00:00:00Z');
  const rows: Entry[] = [];
  // Owners with none to 11 entries in each mode, several made at the same moment (ties on time).
  for (const [index, owner] of ['ann', 'bo', 'cy', 'di'].entries())
    for (let i = 0; i < index * 4 - 1; i++)
      for (const livemode of [false, true])
        rows.push(
          Object.assign(new Entry(), {
            id: `${owner}_${livemode ? 'live' : 'test'}_${String(i).padStart(2, '0')}`,
            owner,
            amount: 2 ** 40 + i * (livemode ? -1 : 1),
            livemode,
            createdAt: new Date(start + Math.floor(i / 3) * 1000),
            note: i % 2 ? `entry ${i}` : null,
          }),
        );
  await dataSource.getRepository(Entry).insert(rows);
});
afterAll(async () => {
  await dataSource.destroy();
  await dropDatabase(serverUrl, database);
});

describe('preparedManyEach', () => {
  it('reads each query’s rows on its own, as that query alone reads them', async () => {
    // Shuffled, one owner twice, one with no rows, both modes, different page sizes.
    const asked: Array<[string, boolean, number]> = [
      ['di', true, 4],
      ['bo', false, 5],
      ['nobody', false, 5],
      ['cy', false, 20],
      ['di', false, 4],
      ['bo', false, 5],
    ];
    const together = await preparedManyEach(asked.map((args) => newest(...args)));
    const alone = await Promise.all(asked.map((args) => preparedMany(newest(...args))));
    expect(together).toEqual(alone);
    expect(together.map((rows) => rows.length)).toEqual([4, 3, 0, 7, 4, 3]);
    for (const [part, rows] of together.entries())
      for (const row of rows) {
        expect(row).toBeInstanceOf(Entry);
        expect([row.owner, row.livemode]).toEqual(asked[part]!.slice(0, 2));
      }
    // Values come back as their columns hold them (BIGINT beyond 32 bits, booleans, times).
    expect(together[1]![0]).toMatchObject({
      id: 'bo_test_02',
      amount: 2 ** 40 + 2,
      livemode: false,
    });
    expect(together[0]![0]!.createdAt).toBeInstanceOf(Date);
  });

  it('makes the server no temporary table (which a TEXT column would put on disk)', async () => {
    // One connection, so its session counters are the union's.
    const single = createDataSource({ ...options, poolSize: 1 });
    await single.initialize();
    try {
      const counters = async () =>
        Object.fromEntries(
          (
            await single.query<Array<{ Variable_name: string; Value: string }>>(
              "SHOW SESSION STATUS WHERE Variable_name IN ('Created_tmp_tables', 'Created_tmp_disk_tables', 'Sort_rows')",
            )
          ).map((row) => [row.Variable_name, Number(row.Value)]),
        );
      const page = (owner: string) => byOwner(owner, false, single).take(5);
      const before = await counters();
      const pages = await preparedManyEach(['di', 'cy', 'bo'].map(page));
      const after = await counters();
      expect(pages.map((rows) => rows.length)).toEqual([5, 5, 3]);
      expect(after).toEqual(before);
    } finally {
      await single.destroy();
    }
  });

  it('reads the queries one by one when the union hands a part back out of its order', async () => {
    // Without a LIMIT the server drops a part's ORDER BY inside a union: the rows come in the
    // index's ascending order, which the check has to catch.
    const everything = (owner: string) => byOwner(owner, true);
    const together = await preparedManyEach(['cy', 'di'].map(everything));
    const alone = await Promise.all(['cy', 'di'].map((owner) => preparedMany(everything(owner))));
    expect(together).toEqual(alone);
    expect(together[1]!.map((entry) => entry.id).slice(0, 3)).toEqual([
      'di_live_10',
      'di_live_09',
      'di_live_08',
    ]);
  });

  it('reads one query or none as preparedMany does', async () => {
    expect(await preparedManyEach([])).toEqual([]);
    expect(await preparedManyEach([newest('bo', true, 2)])).toEqual([
      await preparedMany(newest('bo', true, 2)),
    ]);
  });

  it('refuses an order it cannot keep over the union', async () => {
    const byExpression = () => newest('bo', false, 2).orderBy('entry.amount * 2', 'DESC');
    await expect(preparedManyEach([byExpression(), byExpression()])).rejects.toThrow(
      /cannot order the union/,
    );
  });
});

describe('bucketed', () => {
  it('pads a list to a power of two with its last value, and leaves an empty one empty', () => {
    expect(bucketed([])).toEqual([]);
    expect(bucketed(['a'])).toEqual(['a']);
    expect(bucketed(['a', 'b', 'c'])).toEqual(['a', 'b', 'c', 'c']);
    expect(bucketed(Array.from({ length: 9 }, (_, i) => i))).toHaveLength(16);
    expect(bucketed([1, 2, 3, 4])).toEqual([1, 2, 3, 4]);
  });
});
