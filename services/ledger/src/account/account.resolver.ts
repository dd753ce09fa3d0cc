import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AccountRef } from '@dash/contracts';
import { decodeCursor, toPage, type Access, type Keyset, type PageArgs } from '@dash/subgraph';
import type { LedgerContext } from '../context.js';
import { Account } from './account.type.js';
import { Balance } from './balance.type.js';

/** The account's balances, one per currency. */
@Resolver(() => Account)
export class AccountBalancesResolver {
  @FieldResolver(() => [Balance], { description: 'One per currency the account has used.' })
  async balances(@Root() root: Account, @Ctx() context: LedgerContext): Promise<Balance[]> {
    const account = await context.access.readAccount(root.id);
    if (!account) return [];
    // A platform asking for many accounts at once: the same two reads for all of them.
    const balances = await context.batches.forAccount('balances', account, (accounts) =>
      context.balances.balancesOf(accounts, new Date()),
    );
    return balances.map((balance) => Object.assign(balance, { owner: account }));
  }
}

/** One page of an account's rows, newest first; empty where the caller may not read it. */
export async function accountPage<Row extends Keyset>(
  access: Access,
  accountId: string,
  { first, after }: PageArgs,
  rows: (account: AccountRef, first: number, after: Keyset | undefined) => Promise<Row[]>,
) {
  const account = await access.readAccount(accountId);
  if (!account) return toPage<Row>([], first);
  return toPage(await rows(account, first, after ? decodeCursor(after) : undefined), first);
}

/** Ledger only needs the id to resolve an account's fields; access is checked per field. */
export const referenceResolvers = {
  Account: {
    __resolveReference: (reference: Pick<Account, 'id'>): Account => ({ id: reference.id }),
  },
};
