import { createHash, randomBytes } from 'node:crypto';
import { isVerifiable, seedIdentity } from '@dash/identity';
import { newId } from '@dash/ids';
import {
  chargeEntry,
  DEFAULT_FEE_SCHEDULE,
  hourOf,
  processingFee,
  REPORTING_CATEGORY,
} from '@dash/ledger';
import { US_TEST_PERSON } from '@dash/local-stack';
import { savePlatform } from '@dash/subgraph';
import type { DataSource } from 'typeorm';
import { benchSetting, inParallel } from './stats.js';

/**
 * The benchmarks' data set: BENCH_ACCOUNTS onboarded accounts (default 10,000) of one platform,
 * with BENCH_TRANSACTIONS charges (default 1,000,000) spread over two years, loaded straight
 * into the services' tables.
 */
export const TRANSACTIONS = benchSetting('BENCH_TRANSACTIONS', 1_000_000);
export const ACCOUNTS = benchSetting('BENCH_ACCOUNTS', 10_000);
const BATCH = 2_000;
const DAY = 24 * 3600 * 1000;

export const accountId = (index: number) => `acct_bench${String(index).padStart(8, '0')}`;

/** A small deterministic generator, so every run loads the same history. */
export function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** Rows inserted `size` at a time, one multi-row INSERT each. */
async function insertRows(
  db: Pick<DataSource, 'query'>,
  statement: string,
  rows: unknown[][],
  size = BATCH,
) {
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    if (chunk.length === 0) continue;
    await db.query(
      `${statement} VALUES ${chunk.map((row) => `(${row.map(() => '?').join(',')})`).join(',')}`,
      chunk.flat(),
    );
  }
}

/** What a US individual answered in onboarding, in test mode: verified, bank account given. */
function onboarded(id: string) {
  const answers: Record<string, string> = {
    'individual.first_name': 'Bench',
    'individual.last_name': id.slice(-8),
    'individual.email': `${id}@example.com`,
    ...US_TEST_PERSON,
  };
  return {
    businessType: 'individual' as const,
    businessProfile: {
      name: null,
      url: `https://bench.example/${id}`,
      supportEmail: null,
      supportPhone: null,
      supportAddress: null,
    },
    onboardingDetails: answers,
    tosAcceptance: { date: '2026-01-05T10:00:00.000Z', ip: '127.0.0.1', userAgent: 'bench seed' },
    verification: Object.fromEntries(
      Object.keys(answers)
        .filter(isVerifiable)
        .map((key) => [key, { status: 'verified' as const }]),
    ),
    externalAccountProvided: true,
  };
}

/** Each service's own database, by the service's name, for the ones that keep account rows. */
export interface ServiceDatabases {
  identity: DataSource;
  /** ledger, payouts, disputes, notifications: each keeps what identity says of accounts. */
  followers: DataSource[];
}

/**
 * Makes ACCOUNTS whole, onboarded accounts of the platform in every service that keeps account
 * rows: identity's accounts with their onboarding answers, and in each other service the
 * platform and the accounts with charges and payouts on — what identity's `platform.updated`
 * and `account.updated` events would have left there.
 */
export async function seedAccounts(
  databases: ServiceDatabases,
  platform: { id: string; name: string; brandColor: string },
  now: Date,
): Promise<string[]> {
  const ids = Array.from({ length: ACCOUNTS }, (_, index) => accountId(index));
  for (let i = 0; i < ids.length; i += 1_000)
    await seedIdentity(
      databases.identity,
      {
        platform,
        accounts: ids.slice(i, i + 1_000).map((id) => ({
          id,
          displayName: `Bench ${id.slice(-8)}`,
          email: `${id}@example.com`,
          country: 'US',
          defaultCurrency: 'usd',
          livemode: false,
          ...onboarded(id),
        })),
      },
      now,
    );
  await Promise.all(
    databases.followers.map(async (db) => {
      await db.transaction((manager) =>
        savePlatform(manager, { id: platform.id, name: platform.name, features: {} }, now),
      );
      await insertRows(
        db,
        `INSERT INTO accounts
           (id, platform_id, livemode, closed, charges_enabled, payouts_enabled, capabilities_at)`,
        ids.map((id) => [id, platform.id, false, false, true, true, now]),
      );
    }),
  );
  return ids;
}

/**
 * Signed-in browsers: a session for each account, inserted as identity keeps them (the token's
 * hash). Returns each account's session token, the value of its cookie.
 */
export async function insertSessions(
  identity: DataSource,
  accounts: string[],
  now: Date,
): Promise<Map<string, string>> {
  const sessions = new Map(accounts.map((id) => [id, randomBytes(24).toString('base64url')]));
  await insertRows(
    identity,
    'INSERT INTO sessions (id, account_id, token_hash, created_at, last_seen_at, expires_at, revoked_at)',
    [...sessions].map(([id, token]) => [
      newId('session'),
      id,
      createHash('sha256').update(token).digest('hex'),
      now,
      now,
      new Date(now.getTime() + DAY),
      null,
    ]),
  );
  return sessions;
}

/**
 * Writes history straight into the ledger's tables in large batches — the same postings the
 * live path writes (chargeEntry), with balances and the earnings rollup summed in memory and
 * written once — because a million rows through the API would take a quarter of an hour.
 */
export async function bulkLoad(ledger: DataSource, platformId: string, now: Date) {
  const next = random(7);
  const balances = new Map<string, number>();
  const earnings = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, amount: number) =>
    map.set(key, (map.get(key) ?? 0) + amount);
  const batches = Math.ceil(TRANSACTIONS / BATCH);
  const build = (batch: number) => {
    const txns: unknown[][] = [];
    const charges: unknown[][] = [];
    const postings: unknown[][] = [];
    for (let i = batch * BATCH; i < Math.min(TRANSACTIONS, (batch + 1) * BATCH); i += 1) {
      const account = accountId(i % ACCOUNTS);
      const createdAt = new Date(now.getTime() - Math.floor(next() * 730 * DAY));
      const amount = 500 + Math.floor(next() * 19_500);
      const chargeId = newId('charge');
      const txnId = newId('balanceTransaction');
      const fee = processingFee(amount, 'usd', DEFAULT_FEE_SCHEDULE);
      const entry = chargeEntry({
        accountId: account,
        platformId,
        currency: 'usd',
        amount,
        processingFee: fee,
        applicationFee: 0,
        availableOn: new Date(createdAt.getTime() + 2 * DAY),
        sourceId: chargeId,
        description: null,
        now,
      });
      txns.push([
        txnId,
        account,
        platformId,
        false,
        'charge',
        REPORTING_CATEGORY.charge,
        amount,
        fee,
        entry.net,
        'usd',
        JSON.stringify(entry.feeDetails),
        entry.status,
        entry.availableOn,
        null,
        chargeId,
        createdAt,
      ]);
      charges.push([
        chargeId,
        account,
        platformId,
        false,
        amount,
        0,
        'usd',
        'succeeded',
        null,
        false,
        null,
        'Bench Rider',
        `rider${i % 5000}@example.com`,
        'visa',
        '4242',
        fee,
        0,
        '{}',
        txnId,
        createdAt,
      ]);
      for (const posting of entry.postings) {
        postings.push([txnId, false, posting.ledgerAccount, 'usd', posting.amount, createdAt]);
        add(balances, posting.ledgerAccount, posting.amount);
      }
      add(earnings, `${account}|${hourOf(createdAt).getTime()}`, entry.earnings);
    }
    return { txns, charges, postings };
  };
  // Balances and rollup rows may exist already (the demo's shared accounts): add to them.
  const upsert = (table: string, columns: string, amountColumn: string, rows: unknown[][]) =>
    ledger.query(
      `INSERT INTO ${table} (${columns}) VALUES ${rows.map((row) => `(${row.map(() => '?').join(',')})`).join(',')}
       ON DUPLICATE KEY UPDATE ${amountColumn} = ${amountColumn} + VALUES(${amountColumn})`,
      rows.flat(),
    );
  await inParallel(batches, 4, async (batch) => {
    const { txns, charges, postings } = build(batch);
    await ledger.transaction(async (manager) => {
      const query = (table: string, columns: string, rows: unknown[][]) =>
        insertRows(manager, `INSERT INTO ${table} (${columns})`, rows, Infinity);
      await query(
        'balance_transactions',
        'id, account_id, platform_id, livemode, type, reporting_category, amount, fee, net, currency, fee_details, status, available_on, description, source_id, created_at',
        txns,
      );
      await query(
        'charges',
        'id, account_id, platform_id, livemode, amount, amount_refunded, currency, outcome, failure_message, disputed, description, customer_name, customer_email, card_brand, card_last4, fee, application_fee_amount, metadata, balance_transaction_id, created_at',
        charges,
      );
      await query(
        'postings',
        'balance_transaction_id, livemode, ledger_account, currency, amount, created_at',
        postings,
      );
    });
  });
  const entries = [...balances.entries()];
  for (let i = 0; i < entries.length; i += BATCH)
    await upsert(
      'ledger_balances',
      'livemode, ledger_account, currency, shard, amount',
      'amount',
      entries.slice(i, i + BATCH).map(([account, amount]) => [false, account, 'usd', 0, amount]),
    );
  const hours = [...earnings.entries()];
  for (let i = 0; i < hours.length; i += BATCH)
    await upsert(
      'earnings_hourly',
      'account_id, livemode, currency, hour, net',
      'net',
      hours.slice(i, i + BATCH).map(([key, net]) => {
        const [account, hour] = key.split('|');
        return [account, false, 'usd', new Date(Number(hour)), net];
      }),
    );
}
