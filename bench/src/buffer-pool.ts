import type { DataSource } from 'typeorm';
import { benchSetting } from './stats.js';

const MB = 2 ** 20;

/** InnoDB's buffer pool for the run, in MB; 0 keeps the server's own. */
const WANTED_MB = benchSetting('BENCH_BUFFER_POOL_MB', 1024);

/** How long the server may take to grow its pool (it does so online, a chunk at a time). */
const RESIZE_WAIT_MS = 60_000;

export interface BufferPool {
  /** One line for the run's header: the pool the figures were measured with. */
  description: string;
  /** Gives the server back the pool it had. */
  restore(): Promise<void>;
}

/** A server variable's value as a number (the driver may hand BIGINTs back as strings). */
async function serverNumber(db: DataSource, variable: string): Promise<number> {
  const [row] = (await db.query(`SELECT @@${variable} AS value`)) as Array<{ value: unknown }>;
  return Number(row!.value);
}

/** How many pages the pool holds now: the resize is done once they add up to the size asked for. */
async function poolPages(db: DataSource): Promise<number> {
  const [pages] = (await db.query(
    "SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_pages_total'",
  )) as Array<{ Value: unknown }>;
  return Number(pages!.Value);
}

/**
 * The million-transaction data set is several times MariaDB's and MySQL's default 128 MB buffer
 * pool, so with the server as installed the phases' reads miss the pool, and loading the data
 * took two and a half times longer (379 s against 143–155 on the same VM). A production
 * ledger's database is sized for its data, so the run raises the pool (the setting is dynamic
 * on MySQL 8 and MariaDB 10.11) and gives the server its own back at the end; both gateways
 * are measured on the same pool. A server that refuses (no privilege) is measured as it is.
 */
export async function bufferPoolForRun(db: DataSource): Promise<BufferPool> {
  const original = await serverNumber(db, 'innodb_buffer_pool_size');
  const wanted = WANTED_MB * MB;
  const asConfigured = (why: string): BufferPool => ({
    description: `MariaDB/MySQL buffer pool: ${Math.round(original / MB)} MB, ${why}`,
    restore: async () => {},
  });
  if (WANTED_MB <= 0) return asConfigured('as configured (BENCH_BUFFER_POOL_MB=0)');
  if (original >= wanted) return asConfigured('as configured');
  try {
    await db.query(`SET GLOBAL innodb_buffer_pool_size = ${wanted}`);
  } catch (error) {
    return asConfigured(`as configured (raising it was refused: ${(error as Error).message})`);
  }
  const pageBytes = await serverNumber(db, 'innodb_page_size');
  const deadline = Date.now() + RESIZE_WAIT_MS;
  while ((await poolPages(db)) * pageBytes < 0.95 * wanted && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 500));
  return {
    description: `MariaDB/MySQL buffer pool: ${WANTED_MB} MB for the run (the server's ${Math.round(original / MB)} MB is put back after; BENCH_BUFFER_POOL_MB=0 keeps it)`,
    restore: async () => {
      try {
        await db.query(`SET GLOBAL innodb_buffer_pool_size = ${original}`);
      } catch (error) {
        console.warn(`could not put the buffer pool back: ${(error as Error).message}`);
      }
    },
  };
}
