import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createConnection, type Connection } from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource, databaseUrl } from '@dash/db';
import { ledgerInvariants, seedLedger } from '@dash/ledger';
import { prepareIsolatedStackEnv, SERVICES, type IsolatedStackEnv } from '@dash/local-stack';
import { settingName } from '@dash/manifest';

const run = promisify(execFile);
const OPS = new URL('..', import.meta.url).pathname;

let stack: IsolatedStackEnv;
let server: Connection;
let folder: string;
/** Each service's database, and the copy the backup is restored into. */
let databases: Array<{ service: (typeof SERVICES)[number]; source: string; copy: string }>;

const script = (name: string, args: string[], env: Record<string, string> = stack.env) =>
  run(join(OPS, name), args, { env: { ...process.env, ...env } });

/** What a failing script said and how it exited. */
const failure = async (pending: Promise<unknown>) => {
  try {
    await pending;
  } catch (error) {
    const { code, stderr } = error as { code: number; stderr: string };
    return { code, stderr };
  }
  throw new Error('the script succeeded');
};

const tablesOf = async (database: string) =>
  (
    (await server.query(
      'SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME',
      [database],
    )) as unknown as [Array<{ name: string }>]
  )[0].map((row) => row.name);

const ledgerDataSource = (database: string) => {
  const ledger = SERVICES.find((service) => service.name === 'ledger')!;
  return createDataSource({
    url: stack.env.MYSQL_URL!,
    database,
    entities: ledger.entities,
    migrations: ledger.migrations,
    poolSize: 2,
  });
};

/** Every table's rows and CHECKSUM TABLE (a checksum of all its rows' contents). */
async function contentsOf(database: string) {
  const contents: Record<string, { rows: number; checksum: string }> = {};
  for (const table of await tablesOf(database)) {
    const [[count]] = (await server.query(
      `SELECT COUNT(*) AS n FROM \`${database}\`.\`${table}\``,
    )) as unknown as [[{ n: number }]];
    const [[sum]] = (await server.query(
      `CHECKSUM TABLE \`${database}\`.\`${table}\``,
    )) as unknown as [[{ Checksum: string }]];
    contents[table] = { rows: Number(count.n), checksum: String(sum.Checksum) };
  }
  return contents;
}

beforeAll(async () => {
  stack = await prepareIsolatedStackEnv('ops_backup');
  server = await createConnection(databaseUrl(stack.env.MYSQL_URL!, 'information_schema'));
  databases = SERVICES.map((service) => {
    const source = stack.env[settingName(service.name, 'DATABASE')]!;
    return { service, source, copy: `${source}_r` };
  });
  folder = await mkdtemp(join(tmpdir(), 'dash-backup-'));
  // No database names: the script takes the services' databases from the manifest and the
  // DASH_<NAME>_DATABASE variables, as an operator's environment would give them.
  await script('backup.sh', [join(folder, 'snapshot')]);
  for (const { source, copy } of databases)
    await script('restore.sh', [join(folder, 'snapshot'), source, copy]);
});

afterAll(async () => {
  for (const { copy } of databases ?? [])
    await server?.query(`DROP DATABASE IF EXISTS \`${copy}\``);
  await server?.end();
  await stack?.cleanup();
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('a backup restored into a copy', () => {
  it('holds every table of every service database with the same rows', async () => {
    for (const { source, copy } of databases) {
      const original = await contentsOf(source);
      expect(Object.keys(original).length, source).toBeGreaterThan(1);
      expect(await contentsOf(copy), copy).toEqual(original);
    }
    // The demo history was really there to copy.
    const ledger = databases.find(({ service }) => service.name === 'ledger')!;
    expect((await contentsOf(ledger.copy)).postings!.rows).toBeGreaterThan(0);
  });

  it('has a complete migrations table: the code finds nothing left to run', async () => {
    for (const { service, copy } of databases) {
      const dataSource = createDataSource({
        url: stack.env.MYSQL_URL!,
        database: copy,
        entities: service.entities,
        migrations: service.migrations,
        poolSize: 1,
      });
      await dataSource.initialize();
      try {
        const ran = (await dataSource.query('SELECT name FROM migrations')) as unknown[];
        expect(ran.length, service.name).toBe(dataSource.migrations.length);
        expect(await dataSource.showMigrations(), service.name).toBe(false);
      } finally {
        await dataSource.destroy();
      }
    }
  });

  it('keeps the ledger whole: every balance transaction’s postings sum to zero', async () => {
    const { service, copy } = databases.find(({ service }) => service.name === 'ledger')!;
    const dataSource = createDataSource({
      url: stack.env.MYSQL_URL!,
      database: copy,
      entities: service.entities,
      migrations: service.migrations,
      poolSize: 1,
    });
    await dataSource.initialize();
    try {
      const [{ transactions }] = (await dataSource.query(
        'SELECT COUNT(DISTINCT balance_transaction_id) AS transactions FROM postings',
      )) as [{ transactions: string }];
      expect(Number(transactions)).toBeGreaterThan(0);
      const report = await ledgerInvariants(dataSource);
      expect(report).toMatchObject({
        unbalancedTransactions: [],
        nonZeroCurrencies: [],
        drifted: [],
        ok: true,
      });
    } finally {
      await dataSource.destroy();
    }
  });
});

describe('a backup taken while payments are being written', () => {
  it('is one moment of the ledger: its postings and balances agree and every entry balances', async () => {
    const ledger = databases.find(({ service }) => service.name === 'ledger')!;
    const source = ledgerDataSource(ledger.source);
    await source.initialize();
    const countCharges = async (dataSource: DataSource) =>
      Number(
        ((await dataSource.query('SELECT COUNT(*) AS n FROM charges')) as [{ n: string }])[0].n,
      );
    let writing = true;
    let written = 0;
    // Each payment is one transaction: a charge, its balance transaction, its postings and the
    // balances they move. A dump that read the tables at different moments would split some.
    const writer = (async () => {
      while (writing) {
        written += 1;
        await seedLedger(source, {
          platform: { id: 'plat_backup', name: 'Backup Rides', features: {} },
          accounts: [{ id: 'acct_backup', livemode: false }],
          charges: [
            {
              id: `ch_backup${String(written).padStart(6, '0')}`,
              accountId: 'acct_backup',
              amount: 1000 + written,
              currency: 'usd',
              description: 'Ride during the backup',
              createdAt: new Date(),
            },
          ],
          payouts: [],
        });
      }
    })();
    const copy = ledgerDataSource(`${ledger.source}_l`);
    try {
      while (written < 5) await new Promise((resolve) => setTimeout(resolve, 20));
      const before = await countCharges(source);
      await script('backup.sh', [join(folder, 'under-load'), ledger.source]);
      writing = false;
      await writer;
      const after = await countCharges(source);
      await script('restore.sh', [join(folder, 'under-load'), ledger.source, `${ledger.source}_l`]);
      await copy.initialize();
      const copied = await countCharges(copy);
      expect(copied).toBeGreaterThanOrEqual(before);
      expect(copied).toBeLessThanOrEqual(after);
      expect(await ledgerInvariants(copy)).toMatchObject({
        unbalancedTransactions: [],
        nonZeroCurrencies: [],
        drifted: [],
        badRefunds: [],
        ok: true,
      });
    } finally {
      writing = false;
      await writer.catch(() => undefined);
      await source.destroy();
      if (copy.isInitialized) await copy.destroy();
      await server.query(`DROP DATABASE IF EXISTS \`${ledger.source}_l\``);
    }
  });
});

describe('restore.sh refuses', () => {
  it('to write into a database that has tables — the original above all', async () => {
    const { source } = databases[0]!;
    const before = await contentsOf(source);
    const refused = await failure(script('restore.sh', [join(folder, 'snapshot'), source, source]));
    expect(refused.code).toBe(73);
    expect(refused.stderr).toMatch(/already has \d+ tables/);
    expect(await contentsOf(source)).toEqual(before);
  });

  it('a damaged backup file', async () => {
    const damaged = join(folder, 'damaged');
    await run('cp', ['-r', join(folder, 'snapshot'), damaged]);
    const { source } = databases[1]!;
    const file = join(damaged, `${source}.sql.gz`);
    const bytes = await readFile(file);
    const middle = bytes.length >> 1;
    bytes[middle] = bytes[middle]! ^ 0xff;
    await writeFile(file, bytes);
    const refused = await failure(script('restore.sh', [damaged, source, `${source}_x`]));
    expect(refused.code).toBe(65);
    expect(await tablesOf(`${source}_x`)).toEqual([]);
  });

  it('names that are not plain database names', async () => {
    const { source } = databases[0]!;
    for (const target of ['x`; DROP DATABASE mysql; --', "x' OR '1'='1", '', 'a'.repeat(65)]) {
      const refused = await failure(
        script('restore.sh', [join(folder, 'snapshot'), source, target]),
      );
      expect(refused.code, target).toBe(64);
    }
  });
});

describe('backup.sh refuses', () => {
  it('a folder that already holds a backup, and a database that does not exist', async () => {
    const again = await failure(script('backup.sh', [join(folder, 'snapshot')]));
    expect(again.code).toBe(73);
    const missing = await failure(
      script('backup.sh', [join(folder, 'missing'), 'no_such_database_here']),
    );
    expect(missing.code).toBe(66);
  });
});
