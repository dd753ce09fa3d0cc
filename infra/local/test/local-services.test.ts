import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withServerConnection } from '@dash/db';
import { freePort, testMysqlUrl, testRedisUrl } from '@dash/testing';
import { ensureMysql, ensureRedis } from '../src/index.js';

const dataRoot = mkdtempSync(join(tmpdir(), 'dash-local-'));
afterAll(() => rmSync(dataRoot, { recursive: true, force: true }));

describe('local services', () => {
  it('uses servers that already run', async () => {
    expect(await ensureMysql(testMysqlUrl(), dataRoot)).toBeUndefined();
    expect(await ensureRedis(testRedisUrl(), dataRoot)).toBeUndefined();
  });

  it("starts the system's mariadbd and redis-server under the data folder when none runs", async () => {
    const mysqlUrl = `mysql://root@127.0.0.1:${await freePort()}`;
    const redisUrl = `redis://127.0.0.1:${await freePort()}`;
    const [mysql, redis] = await Promise.all([
      ensureMysql(mysqlUrl, dataRoot),
      ensureRedis(redisUrl, dataRoot),
    ]);
    try {
      expect(mysql?.name).toBe('mariadbd');
      expect(redis?.name).toBe('redis-server');
      const [rows] = await withServerConnection(mysqlUrl, (c) =>
        c.query('SELECT VERSION() AS version'),
      );
      expect((rows as Array<{ version: string }>)[0]?.version).toMatch(/MariaDB/);
    } finally {
      await Promise.all([mysql?.stop(), redis?.stop()]);
    }
    await expect(withServerConnection(mysqlUrl, (c) => c.query('SELECT 1'))).rejects.toThrow();
  });

  it('says what to install when it cannot start one', async () => {
    await expect(ensureMysql('mysql://root@db.invalid:3306', dataRoot)).rejects.toThrow(
      /No MySQL server answers at mysql:\/\/root@db\.invalid:3306\.\nInstall MariaDB or MySQL/,
    );
    await expect(ensureRedis('redis://cache.invalid:6379', dataRoot)).rejects.toThrow(
      /apt-get install -y redis-server/,
    );
  });
});
