import DataLoader from 'dataloader';
import { BusyBatches } from '@dash/batching';
import { LRUCache } from 'lru-cache';
import type { DataSource, EntityManager } from 'typeorm';
import { postAsService, type ServiceAnswer } from '@dash/auth-context';
import type { SecretKeys } from '@dash/config';
import {
  ACCOUNT_OWNER_PATH,
  accountRefOf,
  chargesAllowed,
  type AccountCapabilities,
  type AccountRef,
  type OwnedAccount,
} from '@dash/contracts';
import { bucketed, placeholders, preparedRead } from '@dash/db';
import { DashError, notFound } from '@dash/errors';

interface AccountRow {
  id: string;
  platform_id: string;
  livemode: number | boolean;
  closed: number | boolean;
  charges_enabled: number | boolean | null;
  payouts_enabled: number | boolean | null;
  charges_until: Date | null;
  capabilities_at: Date | null;
}

/** One tick's ids waiting to be read, and how to answer them. */
interface PendingRead {
  ids: readonly string[];
  resolve(rows: Array<AccountRow | undefined>): void;
  reject(error: unknown): void;
}

/** The most ids one statement reads (the gateway merges up to 100 accounts into one call). */
const MAX_IDS_PER_READ = 64;

/** How long closure and capabilities, which gate money, are taken as read. */
const RECENT_MS = 5_000;

/**
 * The owners kept for reads: a platform's working set of accounts, 1.9 MB of heap for all
 * 10,000 (measured), where the service's whole heap is capped near 100 MB.
 */
const OWNERS_KEPT = 10_000;

/**
 * Which platform and mode an account belongs to, so a platform's request only ever acts on its
 * own accounts. Ownership never changes, so it is asked of identity once and kept in the
 * service's `accounts` table (see KNOWN_RECORDS_TABLES); that an account closed arrives later
 * by event (`account.closed`), and what identity's requirements let it do with money
 * (`account.updated` with requirements: charges and payouts on or off).
 */
export class AccountDirectory {
  /**
   * Accounts seen in the last few seconds: a busy platform charges the same accounts over and
   * over, and this saves each charge a query. Kept short, so an account closed elsewhere stops
   * taking money within seconds.
   */
  private readonly recent: LRUCache<string, OwnedAccount>;

  /**
   * Who owns each account, for reads (`belongsTo`): ownership never changes, so it is kept for
   * as long as there is room, where `recent` keeps closure and capabilities (they gate money)
   * for seconds. A platform reading accounts it read before — its back office, an account's
   * pages — asks no statement to learn it may. Money still goes by `recent` and the kept row.
   */
  private readonly owners = new LRUCache<string, AccountRef>({ max: OWNERS_KEPT });

  /**
   * The kept rows asked for in the same tick, read with one statement: a platform's query for
   * many accounts at once (one `_entities` call for all of them) checks each account's owner
   * at the same moment. Nothing is cached here (`recent` is the cache); rows are matched by id.
   */
  private readonly rows = new DataLoader<string, AccountRow | undefined>(
    (ids) => new Promise((resolve, reject) => this.reads.add({ ids, resolve, reject })),
    { cache: false, maxBatchSize: MAX_IDS_PER_READ },
  );

  /**
   * The ticks' reads, one statement at a time: ticks that ask while a read is under way wait for
   * it and go together in the next. A busy platform's charges each arrive in a tick of their own,
   * and each would otherwise be a statement (a third of a charge's statements). A read still
   * starts after every tick it answers asked, so no answer is older than its question.
   */
  private readonly reads = new BusyBatches<PendingRead>((batch) => this.readRows(batch), {
    maxBatch: MAX_IDS_PER_READ,
    maxInFlight: 1,
    sizeOf: (read) => read.ids.length,
  });

  constructor(
    private readonly dataSource: DataSource,
    private readonly identityUrl: string,
    private readonly internalSecret: SecretKeys,
    /** The service asking, as identity's account-owner route knows it. */
    private readonly service: string,
    /** `recentMs`: how long closure and capabilities are taken as read (tests shorten it). */
    options: { recentMs?: number } = {},
  ) {
    this.recent = new LRUCache({ max: 50_000, ttl: options.recentMs ?? RECENT_MS });
  }

  /** Reads the rows of every id in `batch` with one statement and answers each tick's ids. */
  private async readRows(batch: PendingRead[]): Promise<void> {
    try {
      const listed = bucketed([...new Set(batch.flatMap((read) => read.ids))]);
      const rows = await preparedRead<AccountRow>(
        this.dataSource,
        `SELECT id, platform_id, livemode, closed, charges_enabled, payouts_enabled, charges_until,
                capabilities_at
         FROM accounts WHERE id IN (${placeholders(listed)})`,
        listed,
      );
      const byId = new Map(rows.map((row) => [row.id, row]));
      for (const read of batch) read.resolve(read.ids.map((id) => byId.get(id)));
    } catch (error) {
      for (const read of batch) read.reject(error);
    }
  }

  /** The account if it is the platform's, in the key's mode, and open; otherwise a refusal. */
  async openAccountOf(
    platform: { platformId: string; livemode: boolean },
    accountId: string,
  ): Promise<OwnedAccount> {
    const owner = await this.owner(accountId);
    if (!owner || !owns(platform, owner)) throw notFound('account', accountId);
    if (owner.closed)
      throw new DashError('FAILED_PRECONDITION', 'This account is closed.', {
        reason: 'ACCOUNT_CLOSED',
      });
    return owner;
  }

  /**
   * The open account a platform charges or transfers to: refused with ACCOUNT_CHARGES_DISABLED
   * while its requirements keep charges off (it never onboarded, or what is due is overdue).
   */
  async chargeableAccountOf(
    platform: { platformId: string; livemode: boolean },
    accountId: string,
  ): Promise<OwnedAccount> {
    let owner = await this.openAccountOf(platform, accountId);
    // A refusal is confirmed afresh (see `confirmed`): the account may have just onboarded.
    if (!chargesAllowed(owner, new Date())) owner = await this.confirmed(accountId, owner);
    if (!chargesAllowed(owner, new Date()))
      throw new DashError(
        'FAILED_PRECONDITION',
        'This account cannot take payments yet: its onboarding requirements are not met.',
        { reason: 'ACCOUNT_CHARGES_DISABLED' },
      );
    return owner;
  }

  /**
   * Refuses a payout with ACCOUNT_PAYOUTS_DISABLED while the account's requirements keep
   * payouts off (something is due, overdue or still being verified).
   */
  async requirePayoutsEnabled(accountId: string): Promise<void> {
    let owner = await this.owner(accountId);
    if (!owner) throw notFound('account', accountId);
    if (!owner.payoutsEnabled) owner = await this.confirmed(accountId, owner);
    if (!owner.payoutsEnabled)
      throw new DashError(
        'FAILED_PRECONDITION',
        'Payouts are paused for this account until its onboarding requirements are met; its balance keeps growing meanwhile.',
        { reason: 'ACCOUNT_PAYOUTS_DISABLED' },
      );
  }

  /**
   * The account read afresh before money is refused: a refusal never rests on a cached "off"
   * (turning money off reaches the services by event within the cache period; turning it on
   * counts at once). Where identity cannot be reached the kept answer stands.
   */
  private async confirmed(accountId: string, known: OwnedAccount): Promise<OwnedAccount> {
    const fresh = await this.find(accountId);
    if (!fresh) return known;
    this.recent.set(accountId, fresh);
    return fresh;
  }

  /**
   * The platform an account belongs to, for what needs only that (an email in its platform's
   * colours): ownership never changes, so an owner a read kept or a kept row answers without
   * asking identity, and an account not kept yet is asked of identity once, then kept. Null
   * when identity knows none.
   */
  async platformOf(accountId: string): Promise<string | null> {
    const known = this.owners.get(accountId);
    if (known) return known.platformId;
    const [row] = await preparedRead<Pick<AccountRow, 'platform_id'>>(
      this.dataSource,
      'SELECT platform_id FROM accounts WHERE id = ?',
      [accountId],
    );
    if (row) return row.platform_id;
    return (await this.owner(accountId))?.platformId ?? null;
  }

  /** The account if it is the platform's in the key's mode, open or closed (for reading). */
  async belongsTo(
    platform: { platformId: string; livemode: boolean },
    accountId: string,
  ): Promise<AccountRef | null> {
    let owner = this.owners.get(accountId);
    if (!owner) {
      const found = await this.owner(accountId);
      // An account not known yet is not remembered: identity may create it a moment later.
      if (!found) return null;
      owner = accountRefOf(found);
      this.owners.set(accountId, owner);
    }
    return owns(platform, owner) ? owner : null;
  }

  /**
   * The account's owner, from the last few seconds' reads or read afresh. Only a fresh read
   * starts the clock: a busy account is still re-read every few seconds (a platform's page of
   * payout fields asks once, not once per field).
   */
  private async owner(accountId: string): Promise<OwnedAccount | null> {
    const cached = this.recent.get(accountId);
    if (cached) return cached;
    const owner = await this.find(accountId);
    if (owner) this.recent.set(accountId, owner);
    return owner;
  }

  /**
   * The known row, or identity's answer kept as the row. A row whose capabilities were never
   * learnt (kept before they were) is completed from identity. So is one that says money is
   * off: an account that just finished onboarding is not refused while the event saying so is
   * on its way (at most one question per account per cache period); if identity cannot be
   * reached, the row's own answer stands (capabilities never learnt: off), so ownership reads
   * keep working and money stays refused.
   */
  private async find(accountId: string): Promise<OwnedAccount | null> {
    const row = await this.rows.load(accountId);
    // Capabilities never learnt count as off (money refused) until identity answers.
    const known = row ? ownerFromRow(accountId, row, row.capabilities_at ?? new Date(0)) : null;
    if (
      known &&
      row?.capabilities_at &&
      ((known.chargesEnabled && known.payoutsEnabled) || known.closed)
    )
      return known;
    let owner: OwnedAccount | null;
    try {
      owner = await this.askIdentity(accountId);
    } catch (error) {
      if (known) return known;
      throw error;
    }
    if (owner) await saveKnownAccount(this.dataSource.manager, owner);
    return owner;
  }

  private async askIdentity(accountId: string): Promise<OwnedAccount | null> {
    let response: ServiceAnswer;
    try {
      response = await postAsService(
        new URL(ACCOUNT_OWNER_PATH, this.identityUrl),
        { accountId },
        {
          service: this.service,
          audience: 'identity',
          secret: this.internalSecret,
          timeoutMs: 3_000,
        },
      );
    } catch {
      throw new DashError('UNAVAILABLE', 'The account could not be checked just now. Try again.');
    }
    if (response.status === 404) return null;
    if (!response.ok)
      throw new DashError('UNAVAILABLE', 'The account could not be checked just now. Try again.');
    return (await response.json()) as OwnedAccount;
  }
}

const ownerFromRow = (accountId: string, row: AccountRow, asOf: Date): OwnedAccount => ({
  accountId,
  platformId: row.platform_id,
  livemode: Boolean(row.livemode),
  closed: Boolean(row.closed),
  chargesEnabled: Boolean(row.charges_enabled),
  payoutsEnabled: Boolean(row.payouts_enabled),
  chargesUntil: row.charges_until?.toISOString() ?? null,
  asOf: asOf.toISOString(),
});

const owns = (platform: { platformId: string; livemode: boolean }, owner: AccountRef) =>
  owner.platformId === platform.platformId && owner.livemode === platform.livemode;

/** An account closed (identity's `account.closed`): nothing more is done for it. */
export async function markAccountClosed(manager: EntityManager, accountId: string): Promise<void> {
  await manager.query('UPDATE accounts SET closed = TRUE WHERE id = ?', [accountId]);
}

/**
 * Keeps what identity said of an account: its owner (never changes), closed (only ever set)
 * and its capabilities, unless newer ones are already kept — an event and a read of identity
 * may arrive in either order. (MySQL applies the assignments left to right: capabilities_at is
 * compared before it is changed, last.)
 */
async function saveKnownAccount(
  manager: EntityManager,
  account: Omit<OwnedAccount, 'closed'> & { closed: boolean },
): Promise<void> {
  const newer = 'capabilities_at IS NULL OR capabilities_at <= VALUES(capabilities_at)';
  await manager.query(
    `INSERT INTO accounts
       (id, platform_id, livemode, closed, charges_enabled, payouts_enabled, charges_until,
        capabilities_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON DUPLICATE KEY UPDATE
       closed = closed OR VALUES(closed),
       charges_enabled = IF(${newer}, VALUES(charges_enabled), charges_enabled),
       payouts_enabled = IF(${newer}, VALUES(payouts_enabled), payouts_enabled),
       charges_until = IF(${newer}, VALUES(charges_until), charges_until),
       capabilities_at = IF(${newer}, VALUES(capabilities_at), capabilities_at)`,
    [
      account.accountId,
      account.platformId,
      account.livemode,
      account.closed,
      account.chargesEnabled,
      account.payoutsEnabled,
      account.chargesUntil ? new Date(account.chargesUntil) : null,
      new Date(account.asOf),
    ],
  );
}

/** The part of identity's requirements summary (in `account.updated`) that gates money. */
interface RequirementsCapabilities {
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  currentDeadline: string | null;
}

/**
 * The `account.updated` handler of every service that keeps accounts: when the requirements
 * changed, what the account may now do with money (charges, payouts), as of the change.
 */
export async function keepCapabilities(
  event: {
    accountId: string | null;
    platformId: string;
    livemode: boolean;
    occurredAt: string;
    data: { requirements?: RequirementsCapabilities };
  },
  manager: EntityManager,
): Promise<void> {
  const requirements = event.data.requirements;
  if (!requirements || !event.accountId) return;
  await saveKnownAccount(manager, {
    accountId: event.accountId,
    platformId: event.platformId,
    livemode: event.livemode,
    closed: false,
    ...capabilitiesOf(requirements, event.occurredAt),
  });
}

/**
 * Capabilities from identity's requirements: charges stop when the deadline of what is due
 * passes, unless it is met first (then a new event says so).
 */
export const capabilitiesOf = (
  requirements: RequirementsCapabilities,
  asOf: string,
): AccountCapabilities => ({
  chargesEnabled: requirements.chargesEnabled,
  payoutsEnabled: requirements.payoutsEnabled,
  chargesUntil: requirements.chargesEnabled ? requirements.currentDeadline : null,
  asOf,
});

/**
 * Seeds and tests: an account whose owner is already known, without asking identity. Its
 * capabilities too when given (a test says the account it charges is onboarded); otherwise
 * they are asked of identity at the first read, as for a row kept before they were.
 */
export async function rememberAccount(
  manager: EntityManager,
  owner: Omit<OwnedAccount, 'closed' | keyof AccountCapabilities>,
  capabilities?: Pick<AccountCapabilities, 'chargesEnabled' | 'payoutsEnabled'>,
): Promise<void> {
  if (!capabilities) {
    await manager.query(
      'INSERT IGNORE INTO accounts (id, platform_id, livemode, closed) VALUES (?, ?, ?, FALSE)',
      [owner.accountId, owner.platformId, owner.livemode],
    );
    return;
  }
  await saveKnownAccount(manager, {
    ...owner,
    closed: false,
    ...capabilities,
    chargesUntil: null,
    asOf: new Date().toISOString(),
  });
}

/** Every capability on: an account that finished onboarding and owes nothing. */
export const ONBOARDED = { chargesEnabled: true, payoutsEnabled: true } as const;

/** The known accounts' capability columns and the platforms' test-mode switches, migrated in. */
export const KNOWN_RECORDS_CAPABILITIES_AND_MODES = {
  up: [
    `ALTER TABLE accounts
       ADD COLUMN charges_enabled BOOLEAN NULL,
       ADD COLUMN payouts_enabled BOOLEAN NULL,
       ADD COLUMN charges_until DATETIME(3) NULL,
       ADD COLUMN capabilities_at DATETIME(3) NULL`,
    // Test mode's switches start as a copy of the ones so far, which applied to both modes.
    'ALTER TABLE platforms ADD COLUMN test_features TEXT NULL',
    'UPDATE platforms SET test_features = features',
  ],
  down: [
    `ALTER TABLE accounts DROP COLUMN charges_enabled, DROP COLUMN payouts_enabled,
       DROP COLUMN charges_until, DROP COLUMN capabilities_at`,
    'ALTER TABLE platforms DROP COLUMN test_features',
  ],
};
