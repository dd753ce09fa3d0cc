import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { OwnedAccount, Tenant } from '@dash/contracts';
import {
  badInput,
  decodeCursor,
  notFound,
  PageArgs,
  SafeInt,
  toPage,
  type Access,
} from '@dash/subgraph';
import { Account } from '../account/account.type.js';
import type { PayoutsContext } from '../context.js';
import { Payout, PayoutMethod, PayoutStatus } from './payout.entity.js';
import { PayoutInput } from './payout.input.js';
import { InstantPayoutPricing, PayoutPage, PayoutQuote, PayoutTotal } from './payout.type.js';

@ArgsType()
class PayoutPageArgs extends PageArgs {
  @Field(() => [PayoutStatus], { nullable: true, description: 'Only payouts in these statuses.' })
  status?: PayoutStatus[];
}

const emptyPage = { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } };

const idempotencyKeyOptions = {
  description:
    'Any unique string (a UUID): retrying with the same key and parameters returns the first payout instead of paying twice.',
};

/** A platform's keys are its own, per mode. */
const platformKeyScope = (platform: Tenant) =>
  `platform:${platform.platformId}:${platform.livemode ? 'live' : 'test'}`;

/** The signed-in account paying itself out: instantly only where its platform offers it. */
function signedInPayingOut(access: Access, method: PayoutMethod): Promise<OwnedAccount> {
  const { accountId } = access.signedInAccount();
  return method === PayoutMethod.instant
    ? access.feature('instantPayouts', 'Your platform does not offer instant payouts.')
    : access.writeAccount(accountId);
}

/**
 * The account a quote is for, gated as the caller's own payout mutation is: a platform's
 * account (createPayout), or the signed-in account itself (payOut).
 */
async function quotedAccount(
  access: Access,
  method: PayoutMethod,
  accountId: string | undefined,
): Promise<OwnedAccount> {
  if (access.caller.kind === 'platform') {
    if (!accountId) throw badInput('accountId is required with a platform key', 'accountId');
    return access.writeAccount(accountId);
  }
  const account = await signedInPayingOut(access, method);
  if (accountId !== undefined && accountId !== account.accountId)
    throw notFound('account', accountId);
  return account;
}

/** A payout another subgraph points at (an activity item), shown only to who may see it. */
export const payoutReference = {
  __resolveReference: async (
    reference: Pick<Payout, 'id'>,
    context: PayoutsContext,
  ): Promise<Payout | null> => {
    const payout = await context.payouts.byId(reference.id);
    return payout && context.access.canSee(payout) ? payout : null;
  },
};

/**
 * An account's payouts — what the balance card and payouts page show — and making, quoting and
 * canceling them: for platforms, and for their accounts.
 */
@Resolver(() => Account)
export class PayoutResolver {
  @FieldResolver(() => PayoutPage, { description: 'Newest first.' })
  async payouts(
    @Root() account: Account,
    @Args() { first, after, status }: PayoutPageArgs,
    @Ctx() context: PayoutsContext,
  ): Promise<PayoutPage> {
    const readable = await context.access.readAccount(account.id);
    if (!readable) return emptyPage;
    const rows = after
      ? await context.payouts.payoutsPage(readable, first, decodeCursor(after), status)
      : // A platform asking for many accounts at once: one read of all their first pages.
        await context.batches.forAccount(
          `payouts:${first}:${status?.join() ?? ''}`,
          readable,
          (accounts) => context.payouts.firstPayoutPages(accounts, first, status),
        );
    return toPage(rows, first);
  }

  @FieldResolver(() => Payout, {
    nullable: true,
    description: 'One of the account’s payouts; null if it has none with this id.',
  })
  async payout(
    @Root() account: Account,
    @Arg('id', () => ID, { description: 'The payout’s id, `po_…`.' }) id: string,
    @Ctx() context: PayoutsContext,
  ): Promise<Payout | null> {
    const readable = await context.access.readAccount(account.id);
    return readable ? context.payouts.find(readable, id) : null;
  }

  @FieldResolver(() => Payout, {
    nullable: true,
    description: 'The next payout to arrive, if one is on its way.',
  })
  async nextPayout(
    @Root() account: Account,
    @Ctx() context: PayoutsContext,
  ): Promise<Payout | null> {
    const readable = await context.access.readAccount(account.id);
    return readable ? context.payouts.next(readable) : null;
  }

  @FieldResolver(() => [PayoutTotal], {
    description: 'Per currency, the money on its way to the bank (pending and in-transit payouts).',
  })
  async payoutsInTransit(
    @Root() account: Account,
    @Ctx() context: PayoutsContext,
  ): Promise<PayoutTotal[]> {
    const readable = await context.access.readAccount(account.id);
    return readable ? context.payouts.underway(readable) : [];
  }

  @FieldResolver(() => InstantPayoutPricing, {
    nullable: true,
    description: 'What an instant payout costs: a share of the amount, with a least fee.',
  })
  async instantPayoutPricing(
    @Root() account: Account,
    @Ctx() context: PayoutsContext,
  ): Promise<InstantPayoutPricing | null> {
    return (await context.access.readAccount(account.id)) ? context.instantFee : null;
  }

  @Query(() => PayoutQuote, {
    description:
      'What a payout of this amount would be if made now: its fee, what leaves the balance, where it goes and when it arrives — worked out as createPayout and payOut would, and refused the same way.',
  })
  async payoutQuote(
    @Arg('accountId', () => ID, {
      nullable: true,
      description: 'Required with a platform key; a signed-in account quotes its own payouts.',
    })
    accountId: string | undefined,
    @Arg('amount', () => SafeInt, { description: "In the currency's minor unit." })
    amount: number,
    @Arg('currency', { description: 'A three-letter ISO 4217 code, such as usd.' })
    currency: string,
    @Arg('method', () => PayoutMethod, { description: 'standard or instant.' })
    method: PayoutMethod,
    @Ctx() context: PayoutsContext,
  ): Promise<PayoutQuote> {
    const account = await quotedAccount(context.access, method, accountId);
    return context.requests.quote(account, { amount, currency, method });
  }

  @Mutation(() => Payout, {
    description: 'For a platform: pays out part of an account’s available balance now.',
  })
  async createPayout(
    @Arg('account', () => ID, { description: 'The connected account paid out, `acct_…`.' })
    accountId: string,
    @Arg('input', () => PayoutInput, { description: 'How much, how fast and to where.' })
    input: PayoutInput,
    @Arg('idempotencyKey', idempotencyKeyOptions) idempotencyKey: string,
    @Ctx() context: PayoutsContext,
  ): Promise<Payout> {
    const platform = context.access.platform();
    const account = await context.access.writeAccount(accountId);
    return context.requests.create(
      account,
      { ...input, automatic: false, requestedBy: 'platform' },
      idempotencyKey,
      platformKeyScope(platform),
    );
  }

  @Mutation(() => Payout, { description: 'For a platform: stops a payout that is still pending.' })
  async cancelPayout(
    @Arg('account', () => ID, { description: 'The connected account, `acct_…`.' })
    accountId: string,
    @Arg('payout', () => ID, { description: 'The pending payout, `po_…`.' }) payoutId: string,
    @Ctx() context: PayoutsContext,
  ): Promise<Payout> {
    context.access.platform();
    return context.lifecycle.cancel(await context.access.writeAccount(accountId), payoutId);
  }

  @Mutation(() => Payout, {
    description:
      'For the signed-in account: "pay out now" — any amount up to the available balance, to the bank; or instantly to a debit card, for a fee, where the platform allows.',
  })
  async payOut(
    @Arg('input', () => PayoutInput, { description: 'How much, how fast and to where.' })
    input: PayoutInput,
    @Arg('idempotencyKey', idempotencyKeyOptions) idempotencyKey: string,
    @Ctx() context: PayoutsContext,
  ): Promise<Payout> {
    const account = await signedInPayingOut(context.access, input.method);
    return context.requests.create(
      account,
      { ...input, automatic: false, requestedBy: 'account' },
      idempotencyKey,
      `account:${account.accountId}`,
    );
  }
}
