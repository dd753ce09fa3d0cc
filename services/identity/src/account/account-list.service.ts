import type { DataSource, SelectQueryBuilder } from 'typeorm';
import type { Tenant } from '@dash/contracts';
import {
  afterKeyset,
  badInput,
  decodeCursor,
  encodeCursor,
  toPage,
  type CursorScope,
  type Keyset,
} from '@dash/subgraph';
import { GRACE_DAYS, requirementsOf } from '../onboarding/requirements.rules.js';
import { Account } from './account.entity.js';
import type { AccountFilterInput } from './account-list.input.js';

/** What narrows a platform's accounts list, as the list applies it. */
export interface AccountFilter {
  /** Lower-cased and trimmed, as accounts store it. */
  email?: string | undefined;
  createdFrom?: Date | undefined;
  createdTo?: Date | undefined;
  payoutsEnabled?: boolean | undefined;
  requirementsPastDue?: boolean | undefined;
}

export interface AccountPageResult {
  nodes: Account[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const DAY = 24 * 3600 * 1000;

/** Rows read at a time while the requirement rules pick out the matching accounts. */
const BATCH = 200;

/**
 * The most rows one request reads for a requirements filter (`payoutsEnabled`,
 * `requirementsPastDue`) before it answers with what it found: a page may then hold fewer than
 * `first` accounts, with `hasNextPage` true and a cursor where the reading stopped.
 */
export const ACCOUNT_SCAN_LIMIT = 5_000;

/** A platform's accounts list in one mode: its cursors are refused by any other list. */
export const accountsScope = ({ platformId, livemode }: Tenant): CursorScope =>
  `accounts:${platformId}:${livemode ? 'live' : 'test'}`;

/** The filter as a caller sent it, checked and in the form accounts are stored in. */
export function accountFilterOf(input: AccountFilterInput | undefined): AccountFilter {
  if (!input) return {};
  const { email, createdFrom, createdTo, payoutsEnabled, requirementsPastDue } = input;
  if (createdFrom && createdTo && createdFrom.getTime() >= createdTo.getTime())
    throw badInput('createdFrom must be before createdTo', 'createdFrom');
  return {
    // Accounts keep their email lower-cased (createAccount, updateAccount); sign-in looks them up so.
    email: email?.trim().toLowerCase(),
    createdFrom: createdFrom ?? undefined,
    createdTo: createdTo ?? undefined,
    payoutsEnabled: payoutsEnabled ?? undefined,
    requirementsPastDue: requirementsPastDue ?? undefined,
  };
}

const byRequirements = (filter: AccountFilter) =>
  filter.payoutsEnabled !== undefined || filter.requirementsPastDue !== undefined;

/** Whether an account meets the requirements part of a filter, by the rules its fields show. */
function meetsRequirements(account: Account, filter: AccountFilter, now: Date): boolean {
  if (!byRequirements(filter)) return true;
  const requirements = requirementsOf(account, now);
  return (
    (filter.payoutsEnabled === undefined ||
      requirements.payoutsEnabled === filter.payoutsEnabled) &&
    (filter.requirementsPastDue === undefined ||
      requirements.pastDue.length > 0 === filter.requirementsPastDue)
  );
}

/**
 * A platform's connected accounts in one mode, newest first, paged by keyset (created, id)
 * along the index on (platform_id, livemode, created_at, id) — or, with an email, the one on
 * (platform_id, livemode, email, created_at, id) — so a page deep in a long list costs what the
 * first does.
 *
 * Whether payouts are enabled or something is past due is worked out from the account's answers
 * by the requirement rules (requirements.rules.ts), as the fields of each account show it; no
 * column holds it. SQL narrows to rows that can match using the columns the rules read (the terms
 * acceptance, the bank account, since when something is due); the rules then decide row by row,
 * reading on in batches until the page is full, or ACCOUNT_SCAN_LIMIT rows were read.
 */
export class AccountList {
  constructor(
    private readonly dataSource: DataSource,
    private readonly options: { scanLimit?: number; now?: () => Date } = {},
  ) {}

  async page(
    tenant: Tenant,
    filter: AccountFilter,
    first: number,
    after?: string,
  ): Promise<AccountPageResult> {
    const scope = accountsScope(tenant);
    let position: Keyset | undefined = after ? decodeCursor(after, scope) : undefined;
    const now = this.options.now?.() ?? new Date();
    if (!byRequirements(filter))
      return toPage(
        await this.query(tenant, filter, now, position)
          .take(first + 1)
          .getMany(),
        first,
        scope,
      );

    const scanLimit = this.options.scanLimit ?? ACCOUNT_SCAN_LIMIT;
    const batch = Math.min(Math.max(first + 1, BATCH), scanLimit);
    const found: Account[] = [];
    for (let scanned = 0; ;) {
      const rows = await this.query(tenant, filter, now, position).take(batch).getMany();
      for (const row of rows) {
        if (!meetsRequirements(row, filter, now)) continue;
        found.push(row);
        if (found.length > first) return toPage(found, first, scope);
      }
      if (rows.length < batch) return toPage(found, first, scope);
      scanned += rows.length;
      position = rows.at(-1)!;
      // Everything up to `position` has been looked at: the next page goes on from there.
      if (scanned >= scanLimit)
        return {
          nodes: found,
          pageInfo: { hasNextPage: true, endCursor: encodeCursor(position, scope) },
        };
    }
  }

  /** The tenant's rows that can match `filter`, after `after`, newest first. */
  query(
    { platformId, livemode }: Tenant,
    filter: AccountFilter,
    now: Date,
    after?: Keyset,
  ): SelectQueryBuilder<Account> {
    const query = this.dataSource
      .getRepository(Account)
      .createQueryBuilder('acct')
      .where('acct.platform_id = :platformId AND acct.livemode = :livemode', {
        platformId,
        livemode,
      });
    if (filter.email) query.andWhere('acct.email = :email', { email: filter.email });
    if (filter.createdFrom)
      query.andWhere('acct.created_at >= :createdFrom', { createdFrom: filter.createdFrom });
    if (filter.createdTo)
      query.andWhere('acct.created_at < :createdTo', { createdTo: filter.createdTo });
    // Necessary conditions only (every match meets them; the rules decide the rest): before the
    // terms are accepted everything due is past due and payouts are off; after, something is past
    // due only once it has been due for GRACE_DAYS, and payouts need a bank account.
    if (filter.requirementsPastDue === true)
      query.andWhere(
        '(acct.tos_acceptance IS NULL OR acct.requirements_due_since <= :overdueSince)',
        { overdueSince: new Date(now.getTime() - GRACE_DAYS * DAY) },
      );
    if (filter.requirementsPastDue === false || filter.payoutsEnabled === true)
      query.andWhere('acct.tos_acceptance IS NOT NULL');
    if (filter.payoutsEnabled === true) query.andWhere('acct.external_account_provided = 1');
    return afterKeyset(query, 'acct', after)
      .orderBy('acct.created_at', 'DESC')
      .addOrderBy('acct.id', 'DESC');
  }
}
