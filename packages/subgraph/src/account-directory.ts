import { LRUCache } from 'lru-cache';
import type { DataSource, EntityManager } from 'typeorm';
import { postAsService } from '@dash/auth-context';
import type { SecretKeys } from '@dash/config';
import { ACCOUNT_OWNER_PATH, type AccountOwner } from '@dash/contracts';
import { DashError, notFound } from '@dash/errors';

interface AccountRow {
  platform_id: string;
  livemode: number | boolean;
  closed: number | boolean;
}

/**
 * Which platform and mode an account belongs to, so a platform's request only ever acts on its
 * own accounts. Ownership never changes, so it is asked of identity once and kept in the
 * service's `accounts` table (see KNOWN_RECORDS_TABLES); that an account closed arrives later
 * by event (`account.closed`).
 */
export class AccountDirectory {
  /**
   * Accounts seen in the last few seconds: a busy platform charges the same accounts over and
   * over, and this saves each charge a query. Kept short, so an account closed elsewhere stops
   * taking money within seconds.
   */
  private readonly recent = new LRUCache<string, AccountOwner>({ max: 50_000, ttl: 5_000 });

  constructor(
    private readonly dataSource: DataSource,
    private readonly identityUrl: string,
    private readonly internalSecret: SecretKeys,
    /** The service asking, as identity's account-owner route knows it. */
    private readonly service: string,
  ) {}

  /** The account if it is the platform's, in the key's mode, and open; otherwise a refusal. */
  async openAccountOf(
    platform: { platformId: string; livemode: boolean },
    accountId: string,
  ): Promise<AccountOwner> {
    const owner = await this.owner(accountId);
    if (!owner || !owns(platform, owner)) throw notFound('account', accountId);
    if (owner.closed)
      throw new DashError('FAILED_PRECONDITION', 'This account is closed.', {
        reason: 'ACCOUNT_CLOSED',
      });
    return owner;
  }

  /** The account if it is the platform's in the key's mode, open or closed (for reading). */
  async belongsTo(
    platform: { platformId: string; livemode: boolean },
    accountId: string,
  ): Promise<AccountOwner | null> {
    const owner = await this.owner(accountId);
    return owner && owns(platform, owner) ? owner : null;
  }

  /**
   * The account's owner, from the last few seconds' reads or read afresh. Only a fresh read
   * starts the clock: a busy account is still re-read every few seconds (a platform's page of
   * payout fields asks once, not once per field).
   */
  private async owner(accountId: string): Promise<AccountOwner | null> {
    const cached = this.recent.get(accountId);
    if (cached) return cached;
    const owner = await this.find(accountId);
    if (owner) this.recent.set(accountId, owner);
    return owner;
  }

  private async find(accountId: string): Promise<AccountOwner | null> {
    const [row] = (await this.dataSource.query(
      'SELECT platform_id, livemode, closed FROM accounts WHERE id = ?',
      [accountId],
    )) as AccountRow[];
    if (row)
      return {
        accountId,
        platformId: row.platform_id,
        livemode: Boolean(row.livemode),
        closed: Boolean(row.closed),
      };
    const owner = await this.askIdentity(accountId);
    if (owner)
      await this.dataSource.query(
        'INSERT IGNORE INTO accounts (id, platform_id, livemode, closed) VALUES (?, ?, ?, ?)',
        [owner.accountId, owner.platformId, owner.livemode, owner.closed],
      );
    return owner;
  }

  private async askIdentity(accountId: string): Promise<AccountOwner | null> {
    let response: Response;
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
    return (await response.json()) as AccountOwner;
  }
}

const owns = (platform: { platformId: string; livemode: boolean }, owner: AccountOwner) =>
  owner.platformId === platform.platformId && owner.livemode === platform.livemode;

/** An account closed (identity's `account.closed`): nothing more is done for it. */
export async function markAccountClosed(manager: EntityManager, accountId: string): Promise<void> {
  await manager.query('UPDATE accounts SET closed = TRUE WHERE id = ?', [accountId]);
}

/** Seeds and tests: an account whose owner is already known, without asking identity. */
export async function rememberAccount(
  manager: EntityManager,
  owner: Omit<AccountOwner, 'closed'>,
): Promise<void> {
  await manager.query(
    'INSERT IGNORE INTO accounts (id, platform_id, livemode, closed) VALUES (?, ?, ?, FALSE)',
    [owner.accountId, owner.platformId, owner.livemode],
  );
}
