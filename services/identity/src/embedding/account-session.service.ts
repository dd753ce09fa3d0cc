import { LessThan, type DataSource } from 'typeorm';
import type { EmbeddedComponent } from '@dash/auth-context';
import { preparedEntities } from '@dash/db';
import { DashError } from '@dash/errors';
import { newId } from '@dash/ids';
import type { OwnedAccount, Tenant } from '@dash/contracts';
import { badInput } from '@dash/subgraph';
import { lockPlatform } from '../platform/lock-platform.js';
import { hashSecret, randomBase62 } from '../api-key/secret-key.rules.js';
import { AccountSessionRow, EmbedOriginRow } from './account-session.entity.js';
import { checkEmbedOrigin, MAX_EMBED_ORIGINS } from './embed-origin.rules.js';

/**
 * How long a client secret opens the components. Short, as it sits in a web page: the loader
 * asks the platform's server for a new one when it runs out.
 */
export const ACCOUNT_SESSION_TTL_MS = 30 * 60_000;
/** Expired sessions are kept a day (to trace a complaint), then deleted as new ones are made. */
const KEEP_EXPIRED_MS = 24 * 3600_000;
const PRUNE_BATCH = 500;

const CLIENT_SECRET = /^acss_[0-9A-Za-z]{40}$/;
export const isClientSecret = (text: string) => CLIENT_SECRET.test(text);

export interface NewAccountSession {
  session: AccountSessionRow;
  /** The only time the secret exists outside the browser it is handed to. */
  clientSecret: string;
}

export const componentsOf = (session: AccountSessionRow) =>
  session.components.split(',') as EmbeddedComponent[];

/** Account sessions and the origins they may be used from. */
export class AccountSessions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date,
  ) {}

  /**
   * A session for one of the platform's accounts, opening `components`. Refused while the
   * platform lists no origin in this mode: the secret could not be used anywhere.
   */
  async create(
    account: OwnedAccount,
    components: readonly EmbeddedComponent[],
    createdByKeyId: string,
  ): Promise<NewAccountSession> {
    const unique = [...new Set(components)];
    if (unique.length === 0)
      throw badInput('components must name at least one component', 'components');
    const tenant = { platformId: account.platformId, livemode: account.livemode };
    if ((await this.origins(tenant)).length === 0)
      throw new DashError(
        'FAILED_PRECONDITION',
        'List the origins your web app runs on (setEmbedOrigins) before creating account sessions.',
        { reason: 'NO_EMBED_ORIGINS' },
      );
    const now = this.now();
    const clientSecret = `acss_${randomBase62(40)}`;
    const session = this.dataSource.getRepository(AccountSessionRow).create({
      id: newId('accountSession'),
      ...tenant,
      accountId: account.accountId,
      components: unique.join(','),
      secretHash: hashSecret(clientSecret),
      createdByKeyId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + ACCOUNT_SESSION_TTL_MS),
    });
    await this.dataSource.getRepository(AccountSessionRow).insert(session);
    await this.pruneExpired(now);
    return { session, clientSecret };
  }

  /**
   * The live session a client secret opens when used from `origin`, or undefined: unknown,
   * expired, or an origin its platform does not list for the session's mode.
   */
  async authenticate(clientSecret: string, origin: string): Promise<AccountSessionRow | undefined> {
    if (!isClientSecret(clientSecret)) return undefined;
    // Asked by the gateway for every secret it has not seen in a minute: prepared reads.
    const [session] = await preparedEntities(
      this.dataSource,
      AccountSessionRow,
      'WHERE secret_hash = ? AND expires_at > ?',
      [hashSecret(clientSecret), this.now()],
    );
    if (!session) return undefined;
    const [allowed] = await preparedEntities(
      this.dataSource,
      EmbedOriginRow,
      'WHERE platform_id = ? AND livemode = ? AND origin = ?',
      [session.platformId, session.livemode, origin],
    );
    return allowed ? session : undefined;
  }

  async origins({ platformId, livemode }: Tenant): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(EmbedOriginRow)
      .find({ where: { platformId, livemode }, order: { origin: 'ASC' } });
    return rows.map((row) => row.origin);
  }

  /**
   * Replaces the platform's origins in this mode. Changes queue behind each other on the
   * platform's row, so two at once leave one list or the other, never a mix.
   */
  async setOrigins(tenant: Tenant, texts: readonly string[]): Promise<string[]> {
    const origins = new Set<string>();
    for (const [index, text] of texts.entries()) {
      const checked = checkEmbedOrigin(text);
      if ('problem' in checked) throw badInput(`origins[${index}] ${checked.problem}`, 'origins');
      origins.add(checked.origin);
    }
    if (origins.size > MAX_EMBED_ORIGINS)
      throw badInput(`At most ${MAX_EMBED_ORIGINS} origins per mode.`, 'origins');
    await this.dataSource.transaction(async (manager) => {
      await lockPlatform(manager, tenant.platformId);
      const rows = manager.getRepository(EmbedOriginRow);
      await rows.delete(tenant);
      const createdAt = this.now();
      if (origins.size)
        await rows.insert([...origins].map((origin) => ({ ...tenant, origin, createdAt })));
    });
    return [...origins].sort();
  }

  private async pruneExpired(now: Date): Promise<void> {
    const before = new Date(now.getTime() - KEEP_EXPIRED_MS);
    const stale = await this.dataSource.getRepository(AccountSessionRow).find({
      select: { id: true },
      where: { expiresAt: LessThan(before) },
      take: PRUNE_BATCH,
    });
    if (stale.length)
      await this.dataSource.getRepository(AccountSessionRow).delete(stale.map(({ id }) => id));
  }
}
