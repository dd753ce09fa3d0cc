import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  createDataSource,
  dropDatabase,
  fromReplica,
  migrateDatabase,
  onReplica,
  placeholders,
  preparedMany,
  preparedRead,
  sslOptions,
} from '../src/index.js';

// The "replica" is a second database on the same server holding other rows, so every read
// shows where it went.
const serverUrl = process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const suffix = randomBytes(4).toString('hex');
const primaryDb = `test_db_primary_${suffix}`;
const replicaDb = `test_db_replica_${suffix}`;

@Entity('notes')
class Note {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id!: string;

  @Column({ type: 'varchar', length: 32 })
  origin!: string;
}

class CreateNotes1700000000001 implements MigrationInterface {
  name = 'CreateNotes1700000000001';
  async up(runner: QueryRunner) {
    await runner.query(
      'CREATE TABLE notes (id VARCHAR(32) PRIMARY KEY, origin VARCHAR(32) NOT NULL)',
    );
  }
  async down(runner: QueryRunner) {
    await runner.query('DROP TABLE notes');
  }
}

const base = { url: serverUrl, entities: [Note], migrations: [CreateNotes1700000000001] };
let dataSource: DataSource;

beforeAll(async () => {
  for (const [database, origin] of [
    [primaryDb, 'primary'],
    [replicaDb, 'replica'],
  ] as const) {
    await migrateDatabase({ ...base, database });
    const single = createDataSource({ ...base, database });
    await single.initialize();
    await single.getRepository(Note).insert([{ id: `${origin}-1`, origin }]);
    await single.destroy();
  }
  dataSource = createDataSource({
    ...base,
    database: primaryDb,
    replicaUrls: [`${serverUrl}/${replicaDb}`],
  });
  await dataSource.initialize();
});

afterAll(async () => {
  await dataSource?.destroy();
  await dropDatabase(serverUrl, primaryDb);
  await dropDatabase(serverUrl, replicaDb);
});

const origins = (notes: Note[]) => [...new Set(notes.map((note) => note.origin))];

describe('read replicas', () => {
  it('reads the primary by default: repositories, query builders and raw queries', async () => {
    expect(origins(await dataSource.getRepository(Note).find())).toEqual(['primary']);
    expect(origins(await dataSource.getRepository(Note).createQueryBuilder('n').getMany())).toEqual(
      ['primary'],
    );
    const rows = (await dataSource.query('SELECT origin FROM notes')) as Note[];
    expect(origins(rows)).toEqual(['primary']);
  });

  it('reads the replica only where asked, with a manager or a built query', async () => {
    expect(origins(await onReplica(dataSource, (replica) => replica.find(Note)))).toEqual([
      'replica',
    ]);
    const query = dataSource.getRepository(Note).createQueryBuilder('n').orderBy('n.id');
    expect(origins(await fromReplica(query, (list) => list.getMany()))).toEqual(['replica']);
  });

  it('keeps transactions and locks on the primary', async () => {
    const seen = await dataSource.transaction((manager) =>
      manager.getRepository(Note).createQueryBuilder('n').setLock('pessimistic_write').getMany(),
    );
    expect(origins(seen)).toEqual(['primary']);
  });

  it('writes only to the primary', async () => {
    await dataSource.getRepository(Note).insert({ id: 'written', origin: 'primary' });
    const onPrimary = await dataSource.getRepository(Note).findOneBy({ id: 'written' });
    const onReplicaRow = await onReplica(dataSource, (replica) =>
      replica.findOneBy(Note, { id: 'written' }),
    );
    expect(onPrimary?.origin).toBe('primary');
    expect(onReplicaRow).toBeNull();
  });

  it('releases every replica connection it takes, even when the read fails', async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        i % 2
          ? onReplica(dataSource, (replica) => replica.find(Note))
          : onReplica(dataSource, (replica) => replica.query('SELECT * FROM no_such_table')).catch(
              () => undefined,
            ),
      ),
    );
    // Forty reads through a pool of ten: had any kept its connection, these would hang.
    const again = await Promise.all(
      Array.from({ length: 12 }, () => onReplica(dataSource, (replica) => replica.find(Note))),
    );
    expect(again.every((notes) => origins(notes).join() === 'replica')).toBe(true);
  });

  it('runs prepared reads on the primary unless a replica is asked for', async () => {
    const sql = 'SELECT origin FROM notes WHERE id IN (?, ?)';
    const ids = ['primary-1', 'replica-1'];
    expect(origins(await preparedRead<Note>(dataSource, sql, ids))).toEqual(['primary']);
    expect(origins(await preparedRead<Note>(dataSource, sql, ids, { replica: true }))).toEqual([
      'replica',
    ]);
    expect(placeholders(ids)).toBe('?, ?');
  });

  it('reads a built query as a prepared statement: what getMany gives, where it is asked', async () => {
    await dataSource.getRepository(Note).insert([
      { id: 'p-a', origin: 'primary' },
      { id: 'p-b', origin: 'primary' },
    ]);
    const built = () =>
      dataSource
        .getRepository(Note)
        .createQueryBuilder('note')
        .where('note.id IN (:...ids)', { ids: ['p-a', 'p-b', 'primary-1', 'replica-1'] })
        .orderBy('note.id', 'DESC')
        .take(2);
    const prepared = await preparedMany(built());
    expect(prepared).toEqual(await built().getMany());
    expect(prepared.map((note) => note.id)).toEqual(['primary-1', 'p-b']);
    expect(prepared[0]).toBeInstanceOf(Note);
    expect(origins(await preparedMany(built(), { replica: true }))).toEqual(['replica']);
    // Half an entity would pass for a whole one: a partial select is refused.
    await expect(preparedMany(built().select('note.id'))).rejects.toThrow('note_origin');
  });

  it('gives back every connection a prepared read takes, even when it fails', async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        preparedRead(dataSource, i % 2 ? 'SELECT origin FROM notes' : 'SELECT * FROM nothing', [], {
          replica: i % 4 < 2,
        }).catch(() => undefined),
      ),
    );
    // Forty reads through pools of ten: had any kept its connection, these would hang.
    const again = await Promise.all(
      Array.from({ length: 12 }, () =>
        preparedRead<Note>(dataSource, 'SELECT origin FROM notes', []),
      ),
    );
    expect(again.every((notes) => origins(notes).join() === 'primary')).toBe(true);
  });

  it('keeps a bounded number of prepared statements open on a connection', async () => {
    const single = createDataSource({ ...base, database: primaryDb, poolSize: 1 });
    await single.initialize();
    try {
      for (let n = 0; n < 80; n += 1) await preparedRead(single, `SELECT ${n} + ? AS n`, [1]);
      const [closed] = await preparedRead<{ Value: string }>(
        single,
        "SHOW SESSION STATUS LIKE 'Com_stmt_close'",
        [],
      );
      // 80 statements on one connection, at most 64 kept: the oldest were closed.
      expect(Number(closed?.Value)).toBeGreaterThanOrEqual(80 - 64);
    } finally {
      await single.destroy();
    }
  });

  it('reads the primary through onReplica when no replica is configured', async () => {
    const single = createDataSource({ ...base, database: primaryDb });
    await single.initialize();
    try {
      expect(origins(await onReplica(single, (manager) => manager.find(Note)))).toContain(
        'primary',
      );
    } finally {
      await single.destroy();
    }
  });
});

describe('TLS to MySQL', () => {
  it('passes the CA and verification to every connection of the pool', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dash-mysql-tls-'));
    try {
      const caFile = join(dir, 'ca.pem');
      writeFileSync(caFile, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
      expect(sslOptions({ caFile, rejectUnauthorized: true })).toEqual({
        ca: Buffer.from('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'),
        rejectUnauthorized: true,
      });
      const withTls = createDataSource({
        ...base,
        database: primaryDb,
        replicaUrls: [serverUrl],
        tls: { caFile, rejectUnauthorized: true },
      });
      expect(withTls.options).toMatchObject({
        ssl: { rejectUnauthorized: true },
        replication: { defaultMode: 'master' },
      });
      expect(createDataSource({ ...base, database: primaryDb }).options).not.toHaveProperty('ssl');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a CA file that is not there rather than connecting without it', () => {
    expect(() =>
      createDataSource({
        ...base,
        database: primaryDb,
        tls: { caFile: '/nonexistent/ca.pem', rejectUnauthorized: true },
      }),
    ).toThrow(/ENOENT/);
  });
});
