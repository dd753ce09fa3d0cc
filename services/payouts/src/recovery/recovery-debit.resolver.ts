import {
  Arg,
  Args,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { IsOptional } from 'class-validator';
import { FirstArgs, PageArgs, PageInfo } from '@dash/subgraph';
import { Account } from '../account/account.type.js';
import type { PayoutsContext } from '../context.js';
import { RecoveryDebit, RecoveryDebitStatus } from './recovery-debit.entity.js';

@InputType({ description: 'Which recovery debits to list.' })
class RecoveryDebitFilterInput {
  @Field(() => RecoveryDebitStatus, { nullable: true, description: 'Only those in this state.' })
  @IsOptional()
  status?: RecoveryDebitStatus;

  @Field(() => ID, { nullable: true, description: 'Only this account’s, `acct_…`.' })
  @IsOptional()
  account?: string;
}

@ObjectType({ description: 'A page of recovery debits, newest first.' })
class RecoveryDebitPage {
  @Field(() => [RecoveryDebit], { description: 'This page’s debits, newest first.' })
  nodes!: RecoveryDebit[];

  @Field(() => PageInfo, { description: 'Where this page ends, and whether another follows.' })
  pageInfo!: PageInfo;
}

/**
 * Debits recovering negative balances from the accounts' banks: the account's own (its balance
 * card explains them) and, for platforms, all of theirs — the platform is liable for what
 * cannot be collected.
 */
@Resolver(() => RecoveryDebit)
export class RecoveryDebitResolver {
  @Query(() => RecoveryDebitPage, {
    description:
      'For a platform: its accounts’ recovery debits in the key’s mode, newest first (uncollectible ones are what it covered).',
  })
  recoveryDebits(
    @Args() page: PageArgs,
    @Arg('filter', () => RecoveryDebitFilterInput, {
      nullable: true,
      description: 'Leave out for every debit.',
    })
    filter: RecoveryDebitFilterInput | undefined,
    @Ctx() context: PayoutsContext,
  ): Promise<RecoveryDebitPage> {
    return context.recoveryDebits.list(context.access.platform(), filter ?? {}, page);
  }

  @FieldResolver(() => Account, { description: 'The account whose balance it recovers.' })
  account(@Root() debit: RecoveryDebit): Account {
    return { id: debit.accountId };
  }
}

/** An account's recovery debits, for the account itself and its platform. */
@Resolver(() => Account)
export class AccountRecoveryDebitsResolver {
  @FieldResolver(() => [RecoveryDebit], {
    description: 'Debits of its bank recovering a negative balance, newest first.',
  })
  async recoveryDebits(
    @Root() root: Account,
    @Args() { first }: FirstArgs,
    @Ctx() context: PayoutsContext,
  ): Promise<RecoveryDebit[]> {
    const account = await context.access.readAccount(root.id);
    return account ? context.recoveryDebits.ofAccount(account, first) : [];
  }
}
